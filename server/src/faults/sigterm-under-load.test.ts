import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type Answer } from '../db/testing/http-client';
import { startServerProcess, type ServerProcess } from '../db/testing/server-process';
import { createTestDatabase, type TestDatabase } from '../db/testing/test-database';

/*
 * SIGTERM while bookings are in flight: every request the server had already received gets its
 * whole answer, the process exits cleanly, and each confirmed booking is complete in the
 * database (claims, audit, mail job). Rolling restarts rely on this.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-fault-sigterm-'));
let db: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServerProcess({ DATABASE_URL: db.url, DATA_DIR: dataDir, ROLE: 'api' });
}, 120_000);
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await server?.exited;
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGTERM under load', () => {
  it('finishes every booking request in flight and exits cleanly', async () => {
    const client = await HttpClient.signIn(server.baseUrl, 'pendlerin@demo.landraeume.example');
    const spaces = ['coworking-coesfeld-bahnhof', 'landwerk-duelmen-zentrum', 'landwerk-senden-steverpark'];
    const ids: string[] = [];
    for (const slug of spaces) ids.push((await client.get(`/api/spaces/${slug}`)).body.id as string);
    let day = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 });
    const dates: string[] = [];
    while (dates.length < 8) {
      if (day.weekday <= 5) dates.push(day.toISODate()!);
      day = day.plus({ days: 1 });
    }
    // Connections first (as a browser or proxy keeps them), so each booking below is on the wire
    // before the signal, not still waiting in the kernel for the server to accept its connection.
    await Promise.all(Array.from({ length: dates.length * ids.length }, () => client.get('/healthz')));
    const inFlight: Promise<Answer>[] = [];
    for (const date of dates) for (const spaceId of ids) inFlight.push(client.post('/api/bookings', { spaceId, date }));
    await new Promise((r) => setTimeout(r, 30));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    // Still serving, but no longer ready: a load balancer sends nothing new.
    const ready = await fetch(`${server.baseUrl}/readyz`);
    const answers = await Promise.all(inFlight);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('connection')).toBe('close');

    expect(await server.exited).toBe(0);
    expect(answers.filter((a) => ![201, 409, 422].includes(a.status)).map((a) => a.status)).toEqual([]);
    const created = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    expect(created.length).toBeGreaterThan(0);
    const rows = (await db.dataSource.query(
      `SELECT b.id,
              (SELECT count(*)::int FROM booking_claims c WHERE c.booking_id = b.id AND c.active) AS claims,
              (SELECT count(*)::int FROM audit_events a WHERE a.subject_id = b.id::text) AS audits,
              (SELECT count(*)::int FROM outbox_jobs j WHERE j.payload->>'bookingId' = b.id::text) AS jobs
         FROM bookings b WHERE b.id = ANY($1::uuid[])`,
      [created],
    )) as { id: string; claims: number; audits: number; jobs: number }[];
    expect(rows).toHaveLength(created.length);
    for (const row of rows) expect(row).toMatchObject({ claims: 1, audits: 1, jobs: 1 });
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
  }, 60_000);
});
