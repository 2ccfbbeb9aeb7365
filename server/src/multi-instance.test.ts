import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/users';
import { adminQuery, databaseUrl } from './db/testing/pg-admin';
import { startServerProcess, type ServerProcess } from './db/testing/server-process';

/*
 * The cluster of docs/operations.md as real processes: two API servers (ROLE=api) and two
 * workers (ROLE=worker) started at once on one empty database and one DATA_DIR. Nothing that
 * matters may live in one process's memory: slots, mails, rate limits and sessions hold across
 * servers. Runs on the test run's PostgreSQL (embedded, or DATABASE_URL's server).
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-cluster-'));
chmodSync(dataDir, 0o755);
const database = `lr_cluster_${randomBytes(6).toString('hex')}`;
let api: ServerProcess[] = [];
let workers: ServerProcess[] = [];

beforeAll(async () => {
  await adminQuery(inject('pgAdminUrl'), `CREATE DATABASE ${database}`);
  const env = { DATABASE_URL: databaseUrl(inject('pgAdminUrl'), database), DATA_DIR: dataDir, SESSION_SECRET: '' };
  // All four at once: migrations, seed and the generated session secret must cope with that.
  const starting = await Promise.allSettled((['api', 'api', 'worker', 'worker'] as const).map((ROLE) => startServerProcess({ ...env, ROLE })));
  const started = starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  api = started.filter((_, i) => i < 2);
  workers = started.filter((_, i) => i >= 2);
  const failed = starting.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}, 90_000);

afterAll(async () => {
  for (const p of [...api, ...workers]) p.child.kill('SIGTERM');
  await Promise.all([...api, ...workers].map((p) => p.exited));
  await adminQuery(inject('pgAdminUrl'), `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
});

const json = { 'Content-Type': 'application/json' };
const login = (server: ServerProcess, email: string, password: string) =>
  fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });

/** Booking confirmations (METHOD:REQUEST) in DATA_DIR/mail, by booking id from the event's UID. */
async function confirmationsById(): Promise<Map<string, number>> {
  const dir = path.join(dataDir, 'mail');
  const counts = new Map<string, number>();
  for (const file of existsSync(dir) ? readdirSync(dir) : []) {
    const mail = await simpleParser(readFileSync(path.join(dir, file)));
    for (const attachment of mail.attachments) {
      const ics = attachment.content.toString('utf8');
      const uid = /^UID:([0-9a-f-]{36})@/m.exec(ics)?.[1];
      if (uid && ics.includes('METHOD:REQUEST')) counts.set(uid, (counts.get(uid) ?? 0) + 1);
    }
  }
  return counts;
}

describe('two API servers and two workers on one database', () => {
  it('splits the roles: workers answer health checks but serve no API', async () => {
    for (const worker of workers) {
      expect((await fetch(`${worker.baseUrl}/readyz`)).status).toBe(200);
      expect((await fetch(`${worker.baseUrl}/api/spaces`)).status).toBe(404);
    }
    for (const server of api) expect((await fetch(`${server.baseUrl}/api/spaces?pageSize=1`)).status).toBe(200);
  });

  it('accepts a session made on one server on the other', async () => {
    const res = await login(api[0]!, 'pendlerin@demo.landraeume.example', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${api[1]!.baseUrl}/api/auth/me`, { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('pendlerin@demo.landraeume.example');
  });

  it('books each slot once under concurrent requests through both servers, and mails each booking exactly once', async () => {
    const cookie = (await login(api[1]!, 'pendlerin@demo.landraeume.example', DEMO_PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;
    const space = (await (await fetch(`${api[0]!.baseUrl}/api/spaces/landwerk-duelmen-zentrum`)).json()) as { id: string; resources: { id: string; kind: string }[] };
    const desk = space.resources.find((r) => r.kind === 'desk')!.id;
    const days: string[] = [];
    for (let day = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 }); days.length < 3; day = day.plus({ days: 1 })) if (day.weekday <= 5) days.push(day.toISODate()!);

    const attempts = days.flatMap((date) =>
      Array.from({ length: 8 }, (_, i) =>
        fetch(`${api[i % 2]!.baseUrl}/api/bookings`, { method: 'POST', headers: { ...json, Cookie: cookie }, body: JSON.stringify({ spaceId: space.id, resourceId: desk, date }) }).then(
          async (res) => ({ date, status: res.status, body: (await res.json()) as { id?: string; error?: { code: string } } }),
        ),
      ),
    );
    const results = await Promise.all(attempts);
    const booked: string[] = [];
    let sent = new Map<string, number>();
    for (const date of days) {
      const forDay = results.filter((r) => r.date === date);
      expect(forDay.filter((r) => r.status === 201), date).toHaveLength(1);
      expect(forDay.filter((r) => r.status === 409 && r.body.error?.code === 'booking_conflict'), date).toHaveLength(7);
      booked.push(forDay.find((r) => r.status === 201)!.body.id!);
    }

    // Both workers poll every 2 s: wait until every confirmation is out, then two more rounds.
    for (let i = 0; i < 100 && !booked.every((id) => sent.has(id)); i++) {
      await new Promise((r) => setTimeout(r, 200));
      sent = await confirmationsById();
    }
    await new Promise((r) => setTimeout(r, 4_500));
    sent = await confirmationsById();
    for (const id of booked) expect(sent.get(id), id).toBe(1);
  }, 40_000);

  it('counts failed sign-ins across both servers: the limit holds wherever the next attempt lands', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(api[i % 2]!, 'mitglied@demo.landraeume.example', 'wrong-password-123')).status);
    expect(statuses).toEqual(Array(10).fill(401));
    for (const server of api) {
      const refused = await login(server, 'mitglied@demo.landraeume.example', DEMO_PASSWORD);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    }
  });
});
