import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/src/app';
import { createDataSource } from '../../server/src/db/data-source';
import { silent } from '../lib/bench-database';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/**
 * The app as server.ts builds it (its own pool of the default size), but in this process with
 * logging off, listening on a free port. No migrations or seed: the database is filled already.
 */
export async function startApp(databaseUrl: string): Promise<RunningApp> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-bench-'));
  const { app, close } = createApp({
    config: {
      publicUrl: 'http://127.0.0.1',
      sessionSecret: 'bench-search-session-secret-long-enough-for-every-check',
      dataDir,
      smtpUrl: undefined,
      mailFrom: 'Landräume <noreply@landraeume.test>',
    },
    dataSource,
    log: silent,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await close();
      await dataSource.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
