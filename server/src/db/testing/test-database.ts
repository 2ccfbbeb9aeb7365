import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createDataSource } from '../data-source';
import { adminQuery, databaseUrl } from './pg-admin';

export interface TestDatabase {
  dataSource: DataSource;
  url: string;
  name: string;
  drop(): Promise<void>;
}

export const silentLogger = pino({ level: 'silent' });

/** Another clone may be copying the template at the same moment; PostgreSQL then says "in use". */
async function cloneTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

/** A migrated, empty database of this test file's own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `lr_test_${randomBytes(6).toString('hex')}`;
  await cloneTemplate(adminUrl, name, inject('pgTemplate'));
  const url = databaseUrl(adminUrl, name);
  const dataSource = createDataSource(url, { poolSize: 10 });
  await dataSource.initialize();
  return {
    dataSource,
    url,
    name,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
