import path from 'node:path';
import pino from 'pino';
import { openDatabase, runMigrations, type Database } from '../../server/src/db/database';

export const silent = pino({ level: 'silent' });

/**
 * A database of the benchmark's own, emptied and migrated: BENCH_DATABASE_URL (its whole public
 * schema is dropped!) or an embedded PostgreSQL under var/bench, never the app's data.
 */
export async function openBenchDatabase(name: string): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase({ databaseUrl: url, dataDir: path.resolve('var', `bench-${name}`), log: silent });
  await database.dataSource.query('DROP SCHEMA public CASCADE');
  await database.dataSource.query('CREATE SCHEMA public');
  await runMigrations(database.dataSource, silent);
  return database;
}

export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Where the app server finds the benchmark's database. */
export function databaseUrlOf(database: Database): string {
  return process.env.BENCH_DATABASE_URL ?? database.embedded!.url;
}
