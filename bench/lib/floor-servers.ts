import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server/src/db/testing/server-process';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'floor-server.ts');

/** `count` floor servers (see floor-server.ts), started the way the app servers are, same flags. */
export async function startFloorServers(kind: 'node' | 'express', count: number, answer: string): Promise<{ urls: string[]; close(): Promise<void> }> {
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', ENTRY, kind, String(port), answer], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout, 'data');
    children.push(child);
    urls.push(`http://127.0.0.1:${port}`);
  }
  return {
    urls,
    async close() {
      await Promise.all(children.map((child) => (child.kill('SIGTERM'), once(child, 'exit'))));
    },
  };
}
