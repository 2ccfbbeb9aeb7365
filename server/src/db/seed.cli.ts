import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { hashPassword } from '../accounts/passwords';
import { runSeed } from '../../../seed/run-seed';
import { openDatabase, runMigrations } from './database';

const config = loadConfig();
const log = createLogger(config.logLevel);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
try {
  await runMigrations(database.dataSource, log);
  log.info(await runSeed(database.dataSource, hashPassword), 'seed finished (existing rows are left as they are)');
} finally {
  await database.close();
}
