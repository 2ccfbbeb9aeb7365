import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { runSeed } from '../../../seed/run-seed';
import { hashPassword } from '../accounts/passwords';

/** The demo data goes only into an empty database, so a real deployment is never touched by it. */
export async function seedIfEmpty(dataSource: DataSource, log: Logger): Promise<void> {
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM organizations')) as [{ count: number }];
  if (count > 0) return;
  const report = await runSeed(dataSource, hashPassword);
  log.info(report, 'demo data seeded');
}
