import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN_ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../main.ts');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  logs(): string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs the server as `npm start` does, in its own process, and resolves once it says it is ready.
 * The free port is only free when asked; the server's own embedded PostgreSQL or another test
 * may take it before the server listens, so a start refused with EADDRINUSE is tried again.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnce(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN_ENTRY], {
    env: { ...process.env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await Promise.race([
    new Promise<void>((resolve) => {
      const check = () => (output.includes('Landräume is ready') ? resolve() : setTimeout(check, 50));
      check();
    }),
    exited.then((code) => {
      throw new Error(`server exited with ${code}:\n${output}`);
    }),
  ]);
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, logs: () => output, exited };
}
