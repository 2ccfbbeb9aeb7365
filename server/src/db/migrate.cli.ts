import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openDatabase, runMigrations, withStartupLock } from './database';

const config = loadConfig();
const log = createLogger(config.logLevel);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
try {
  await withStartupLock(database.dataSource, () => runMigrations(database.dataSource, log));
  log.info('migrations are up to date');
} finally {
  await database.close();
}
