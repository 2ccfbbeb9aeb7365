import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export interface Database {
  dataSource: DataSource;
  embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

/** DATABASE_URL wins; without it the app brings its own PostgreSQL under DATA_DIR. */
export async function openDatabase(options: { databaseUrl: string | undefined; dataDir: string; log: Logger }): Promise<Database> {
  const embedded = options.databaseUrl ? undefined : await startEmbeddedPostgres(options.dataDir, options.log);
  const dataSource = createDataSource(options.databaseUrl ?? embedded!.url);
  try {
    await dataSource.initialize();
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

export async function runMigrations(dataSource: DataSource, log: Logger): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) log.info({ migration: migration.name }, 'migration applied');
}

/**
 * Several app servers and workers may start at once on one (maybe empty) database; one at a
 * time runs the migrations and the first-start seed while the others wait, then find nothing
 * left to do. A session-level advisory lock, so it spans the migrations' own transactions.
 */
export async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const qr = dataSource.createQueryRunner();
  await qr.connect();
  try {
    await qr.query(`SELECT pg_advisory_lock(hashtext('landraeume.startup'))`);
    try {
      return await work();
    } finally {
      await qr.query(`SELECT pg_advisory_unlock(hashtext('landraeume.startup'))`);
    }
  } finally {
    await qr.release();
  }
}
