import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServerProcess } from '../../server/src/db/testing/server-process';
import { SCREENSHOTS } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One seeded server on the embedded database for all browser tests. */
export default async function setup(project: TestProject) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-e2e-'));
  chmodSync(dataDir, 0o755);
  const server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '' });
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
