import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded';
import { silentLogger } from './testing/test-database';

const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-embedded-'));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Runs the fixture in its own process and kills it with SIGKILL once its cluster is up. */
async function startAndHardKill(dir: string): Promise<string> {
  const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/hold-embedded.fixture.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`fixture exited early with ${code}`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return url;
}

describe('the embedded PostgreSQL', () => {
  it('initialises, starts, keeps data across a restart and stops', async () => {
    const first = await startEmbeddedPostgres(dataDir, silentLogger);
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    await query(first.url, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    const [version] = await query(first.url, 'SHOW server_version_num');
    expect(Number(version.server_version_num)).toBeGreaterThanOrEqual(150000);
    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const second = await startEmbeddedPostgres(dataDir, silentLogger);
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
    await second.stop();
  });

  it('ships btree_gist, which the booking constraints need', async () => {
    const db = await startEmbeddedPostgres(dataDir, silentLogger);
    try {
      await query(db.url, 'CREATE EXTENSION IF NOT EXISTS btree_gist');
      const rows = await query(db.url, `SELECT extname FROM pg_extension WHERE extname = 'btree_gist'`);
      expect(rows).toHaveLength(1);
    } finally {
      await db.stop();
    }
  });

  it('recovers when an earlier app was hard-killed and left its server running', async () => {
    const orphanUrl = await startAndHardKill(dataDir);
    expect(await query(orphanUrl, 'SELECT 1 AS alive')).toEqual([{ alive: 1 }]);

    const recovered = await startEmbeddedPostgres(dataDir, silentLogger);
    try {
      expect(await query(recovered.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
      await expect(query(orphanUrl, 'SELECT 1')).rejects.toThrow();
    } finally {
      await recovered.stop();
    }
  });
});
