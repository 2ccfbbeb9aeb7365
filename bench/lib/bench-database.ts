import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../server/src/db/data-source';
import { runMigrations } from '../../server/src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded';
import { adminQuery, databaseUrl } from '../../server/src/db/testing/pg-admin';

export const silent = pino({ level: 'silent' });

export interface BenchDatabase {
  /** Where the benchmark's own database lives. */
  url: string;
  /** A connection pool for filling and EXPLAIN, separate from the app's. */
  dataSource: DataSource;
  /** "embedded PostgreSQL 18.1 under var/bench-pg" or the server the URL names. */
  description: string;
  /** True when an earlier run's database was kept (--reuse) rather than made afresh. */
  reused: boolean;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of the benchmark's own (`landraeume_bench` by default), an old one of
 * that name dropped first: on the server BENCH_DATABASE_URL names (any database on it serves as
 * the admin connection), or else on an embedded PostgreSQL under var/bench-pg. Never the app's own
 * database. With `reuse`, an existing one is kept (new migrations still run) to measure again
 * without filling.
 */
export async function openBenchDatabase(options: { name?: string; reuse?: boolean } = {}): Promise<BenchDatabase> {
  const name = options.name ?? 'landraeume_bench';
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.resolve('var', 'bench-pg'), silent);
    adminUrl = embedded.url;
  }
  try {
    const reused = options.reuse === true && (await exists(adminUrl, name));
    if (!reused) {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    }
    const url = databaseUrl(adminUrl, name);
    const dataSource = createDataSource(url, { poolSize: 4, applicationName: 'landraeume-bench' });
    await dataSource.initialize();
    await runMigrations(dataSource, silent);
    const [{ version }] = (await dataSource.query(`SELECT current_setting('server_version') AS version`)) as [{ version: string }];
    const where = embedded ? 'embedded, var/bench-pg' : new URL(adminUrl).host;
    return {
      url,
      dataSource,
      description: `PostgreSQL ${version} (${where})`,
      reused,
      async close() {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

async function exists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}
