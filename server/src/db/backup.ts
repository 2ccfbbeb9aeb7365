import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { findPgTool, type PgTool } from './pg-tools';

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } finally {
    await client.end();
  }
}

/** Runs a tool with the password in the environment, never on the command line (visible in `ps`). */
async function run(tool: PgTool, url: string, args: string[]): Promise<void> {
  const binary = findPgTool(tool, await serverMajor(url));
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  await new Promise<void>((resolve, reject) => {
    execFile(binary, [...args, `--dbname=${parsed.toString()}`], { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, maxBuffer: 10 * 1024 * 1024 }, (err, _stdout, stderr) =>
      err ? reject(new Error(`${tool} failed: ${stderr.trim() || err.message}`)) : resolve(),
    );
  });
}

export const defaultBackupFile = (dataDir: string, now = new Date()) =>
  path.join(dataDir, 'backups', `landraeume-${now.toISOString().replace(/[:.]/g, '-')}.dump`);

/** A custom-format dump: compressed, and pg_restore can restore it selectively and in parallel. */
export async function backup(url: string, file: string): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  await run('pg_dump', url, ['--format=custom', '--no-owner', '--no-acl', `--file=${file}`]);
  return file;
}

/**
 * Restores a dump into the database at `url`, replacing what it holds, in one transaction: a
 * failed restore leaves the database as it was. Stop the app servers and workers first.
 */
export async function restore(url: string, file: string): Promise<void> {
  await run('pg_restore', url, ['--clean', '--if-exists', '--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', file]);
}
