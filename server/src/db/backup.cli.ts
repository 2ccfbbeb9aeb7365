import path from 'node:path';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { backup, defaultBackupFile, restore } from './backup';
import { openDatabase } from './database';

/**
 * `npm run backup [file]` and `npm run restore <file>`: DATABASE_URL's database, or the embedded
 * one (then the app must be stopped, as only one process can run it).
 */
const [command, argument] = process.argv.slice(2);
const config = loadConfig();
const log = createLogger(config.logLevel);
if (command !== 'backup' && command !== 'restore') throw new Error('usage: backup.cli.ts backup [file] | restore <file>');
if (command === 'restore' && !argument) {
  process.stderr.write('Usage: npm run restore -- <file>  (replaces the database’s contents; stop the app first)\n');
  process.exit(64);
}
const file = path.resolve(argument ?? defaultBackupFile(config.dataDir));

const database = config.databaseUrl ? undefined : await openDatabase({ databaseUrl: undefined, dataDir: config.dataDir, log });
const url = config.databaseUrl ?? database!.embedded!.url;
try {
  if (command === 'backup') log.info({ file: await backup(url, file) }, 'backup written');
  else {
    await restore(url, file);
    log.info({ file }, 'restored; the app applies any newer migrations when it starts');
  }
} catch (err) {
  process.stderr.write(`${command} failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database?.close();
}
