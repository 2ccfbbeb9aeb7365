import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/users';
import { adminQuery, databaseUrl } from './db/testing/pg-admin';
import { MAIN_ENTRY, startServerProcess } from './db/testing/server-process';

/*
 * The real process, as `npm start` runs it: embedded database (or DATABASE_URL), migrations,
 * seed, HTTP, and signal handling. Slow-ish, so one file covers the whole life cycle.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-main-'));
chmodSync(dataDir, 0o755);

/** With DATABASE_URL the process gets an empty database of its own; without, it starts the embedded one. */
const externalDatabase = process.env.DATABASE_URL ? `lr_main_${randomBytes(6).toString('hex')}` : undefined;
const databaseEnv: Record<string, string> = externalDatabase ? { DATABASE_URL: databaseUrl(inject('pgAdminUrl'), externalDatabase) } : { DATABASE_URL: '' };
beforeAll(async () => {
  if (externalDatabase) await adminQuery(inject('pgAdminUrl'), `CREATE DATABASE ${externalDatabase}`);
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (externalDatabase) await adminQuery(inject('pgAdminUrl'), `DROP DATABASE IF EXISTS ${externalDatabase} WITH (FORCE)`);
});

const start = () => startServerProcess({ DATA_DIR: dataDir, ...databaseEnv });

const get = async (port: number, pathname: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${pathname}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the server process', () => {
  it('refuses to start with a bad setting and names it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN_ENTRY], { env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('PORT');
  });

  it('starts, migrates and seeds an empty database, then stops cleanly on SIGTERM', async () => {
    const server = await start();
    expect(server.logs()).toContain('demo data seeded');
    const spaces = await get(server.port, '/api/spaces?pageSize=100');
    expect(spaces.status).toBe(200);
    expect(spaces.body.total as number).toBeGreaterThanOrEqual(42);
    expect((await get(server.port, '/readyz')).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('reuses the data on the second start without seeding again', async () => {
    const server = await start();
    const huge = await fetch(`${server.baseUrl}/api/spaces?q=${'x'.repeat(20_000)}`);
    expect(huge.status).toBe(431);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('headers_too_large');
    expect(server.logs()).not.toContain('demo data seeded');
    const spaces = await get(server.port, '/api/spaces?pageSize=1');
    expect(spaces.body.total as number).toBeGreaterThanOrEqual(42);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it('runs the worker: the confirmation of a booking arrives in DATA_DIR/mail with its calendar file', async () => {
    const server = await start();
    const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'pendlerin@demo.landraeume.example', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const space = (await get(server.port, '/api/spaces/landwerk-duelmen-zentrum')).body as { id: string };
    let day = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const booked = await fetch(`${server.baseUrl}/api/bookings`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify({ spaceId: space.id, date: day.toISODate() }) });
    expect(booked.status).toBe(201);
    const mailDir = path.join(dataDir, 'mail');
    let confirmation: string | undefined;
    for (let i = 0; i < 100 && !confirmation; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const files = existsSync(mailDir) ? readdirSync(mailDir) : [];
      confirmation = files.map((f) => readFileSync(path.join(mailDir, f), 'utf8')).find((raw) => raw.includes('METHOD=REQUEST') || raw.includes('method=REQUEST'));
    }
    expect(confirmation).toContain('pendlerin@demo.landraeume.example');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('finishes a request that is in flight when SIGTERM arrives', async () => {
    const server = await start();
    const body = JSON.stringify({ padding: 'x'.repeat(1000) });
    const response = new Promise<{ status: number; json: { error: { code: string } } }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/unknown', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 300);
    });
    const { status, json } = await response;
    expect(status).toBe(404);
    expect(json.error.code).toBe('not_found');
    expect(await server.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
  });
});
