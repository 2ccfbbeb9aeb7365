import http from 'node:http';
import express from 'express';

/*
 * node --import tsx bench/lib/floor-server.ts <node|express> <port> [answer]
 * The least a server can do per request on this machine, to read the app's figures against:
 * `node` answers with node:http alone, `express` with an Express app of one route and no
 * middleware. Both send `answer` (a string made beforehand, so no JSON.stringify) to any GET.
 */
const [kind, port, answer = '{"status":"ok"}'] = process.argv.slice(2);

const send = (res: http.ServerResponse) => {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(answer);
};

const server = kind === 'express' ? express().get('/{*path}', (_req, res) => send(res)) : (_req: http.IncomingMessage, res: http.ServerResponse) => send(res);
http.createServer(server).listen(Number(port), '127.0.0.1', () => console.log('listening'));
