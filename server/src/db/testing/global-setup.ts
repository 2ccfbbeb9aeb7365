import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../embedded';
import { createDataSource } from '../data-source';
import { adminQuery, databaseUrl } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * One PostgreSQL for the whole run (the machine's via DATABASE_URL, else an embedded one), one
 * migrated template database, and each test file clones its own database from the template.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'silent' });
  let dataDir: string | undefined;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-test-'));
    chmodSync(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres(dataDir, log, { persistent: false });
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const template = `lr_template_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template}`);
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  const dataSource = createDataSource(databaseUrl(adminUrl, template), { poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await stopEmbedded?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
