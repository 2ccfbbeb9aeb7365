import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createApp } from './app';
import { createMailer } from './notifications/mailer';
import { startWorker } from './worker/jobs';
import { openDatabase, runMigrations, withStartupLock, type Database } from './db/database';
import { seedIfEmpty } from './db/seed';
import { errorBody } from './http/error-handler';
import { createDrain } from './http/drain';
import { DomainError } from './http/errors';

export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');

/**
 * Requests Node's parser refuses (headers over 16 KiB, broken HTTP) never reach express; they
 * still get the JSON error model instead of a bare status line.
 */
function answerMalformedRequest(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const error = tooLarge
    ? new DomainError('headers_too_large', 'The request line or headers are too large')
    : new DomainError('invalid_input', 'The request is not valid HTTP');
  const body = JSON.stringify(errorBody(error));
  socket.end(
    `HTTP/1.1 ${error.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export interface RunningServer {
  server: Server;
  database: Database;
  port: number;
  stop(): Promise<void>;
}

/** How long in-flight requests get to finish on shutdown before their connections are cut. */
const DRAIN_TIMEOUT_MS = 10_000;
/** How long the server keeps serving (closing each connection after its answer) before the listener closes. */
const DRAIN_GRACE_MS = 1_000;

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    await withStartupLock(database.dataSource, async () => {
      await runMigrations(database.dataSource, log);
      if (config.demoData) await seedIfEmpty(database.dataSource, log);
    });
  } catch (err) {
    await database.close();
    throw err;
  }
  // One mailer (one SMTP pool) for the API's account mails and the worker's outbox.
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, publicUrl: config.publicUrl });
  // A worker serves only health checks and metrics; the API servers serve the client.
  const drain = createDrain();
  const { app, metrics, close: closeApp } = createApp({ config, dataSource: database.dataSource, log, clientDir: config.role === 'worker' ? undefined : CLIENT_DIST, mailer, drain });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, (err?: Error) => (err ? reject(err) : resolve(s)));
  }).catch(async (err: unknown) => {
    await closeApp();
    await database.close();
    throw err;
  });
  server.on('clientError', answerMalformedRequest);
  // ROLE=api leaves the scheduled jobs to separate worker processes.
  const scheduler = config.role === 'api' ? undefined : startWorker({ db: database.dataSource, mailer, publicUrl: config.publicUrl, mailFrom: config.mailFrom, reminderHours: config.reminderHours, log, metrics, retentionMonths: config.retentionMonths, pendingExpiryHours: config.pendingExpiryHours, waitlistHoldMinutes: config.waitlistHoldMinutes, webhookPolicy: { allowLinkLocal: config.webhookAllowLinkLocal } });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      drain.start();
      await new Promise((resolve) => setTimeout(resolve, DRAIN_GRACE_MS));
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
      await drained;
      clearTimeout(timer);
      await scheduler?.stop();
      await closeApp();
      await database.close();
    })();
    return stopping;
  };
  return { server, database, port, stop };
}
