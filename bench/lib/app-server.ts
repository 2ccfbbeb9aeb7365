import { spawn } from 'node:child_process';
import { freePort, MAIN_ENTRY } from '../../server/src/db/testing/server-process';

export const BENCH_SESSION_SECRET = 'bench-secret-that-is-long-enough-for-the-checks';

export interface AppServerOptions {
  /** `api` by default; `all` runs the outbox worker in the same process (mails become .eml files under dataDir). */
  role?: 'api' | 'all';
  dataDir?: string;
}

/**
 * The real server as `npm start` runs it, in a process of its own, so that the load generator
 * does not share its event loop. It finds the filled database through DATABASE_URL.
 */
export async function startAppServer(databaseUrl: string, options: AppServerOptions = {}): Promise<{ url: string; pid: number; close(): Promise<void> }> {
  const port = await freePort();
  // BENCH_SERVER_FLAGS passes node flags to the server only, e.g. --cpu-prof to find hot spots.
  const flags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  // The young generation npm run serve and the Docker image (NODE_OPTIONS) give the server.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...flags, '--import', 'tsx', MAIN_ENTRY], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', ROLE: options.role ?? 'api', DATA_DIR: options.dataDir ?? 'var/bench-app', SESSION_SECRET: BENCH_SESSION_SECRET },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false);
    if (ready) break;
    if (attempt > 600 || child.exitCode !== null) throw new Error('the app server did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Several API servers on one database, as docker/compose runs two behind its proxy: a Node
 * process uses one core, and under load one process is busy while the database still has room.
 */
export async function startAppServers(databaseUrl: string, count: number, options: AppServerOptions = {}): Promise<{ urls: string[]; close(): Promise<void> }> {
  // One after the other: a free port is only known to stay free until someone listens on it.
  const servers: Awaited<ReturnType<typeof startAppServer>>[] = [];
  for (let i = 0; i < count; i++) servers.push(await startAppServer(databaseUrl, options));
  return {
    urls: servers.map((s) => s.url),
    async close() {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
