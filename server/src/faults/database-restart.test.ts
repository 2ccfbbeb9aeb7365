import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';
import { HttpClient, type Answer } from '../db/testing/http-client';
import { startServerProcess, type ServerProcess } from '../db/testing/server-process';
import { silentLogger } from '../db/testing/test-database';

/*
 * A real PostgreSQL restarted under a booking load against a real server process. While it is
 * down every request gets a 503 in the JSON error model with Retry-After; afterwards the server
 * serves again by itself, every booking it confirmed exists, and no booking is half-written.
 * The test brings a cluster of its own (never the machine's), on a fixed port across the restart.
 */

const COWORKING = ['coworking-coesfeld-bahnhof', 'landwerk-duelmen-zentrum', 'landwerk-luedinghausen-burg', 'landwerk-senden-steverpark', 'landwerk-olfen-marktplatz', 'coworking-nottuln-stiftsplatz'];
const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-fault-db-'));
chmodSync(dataDir, 0o755);
let database: EmbeddedDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await startEmbeddedPostgres(dataDir, silentLogger);
  server = await startServerProcess({ DATA_DIR: path.join(dataDir, 'app'), DATABASE_URL: database.url, ROLE: 'api' });
}, 120_000);
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Whole-day desk bookings over the next weeks' weekdays, round and round: a pair booked before
 * gets the space's next free desk, so refusals are rules or faults, and the horizon is never hit.
 */
function* requests(spaceIds: string[]): Generator<{ spaceId: string; date: string }> {
  const today = DateTime.now().setZone('Europe/Berlin');
  for (;;) {
    for (let offset = 3; offset < 45; offset++) {
      const day = today.plus({ days: offset });
      if (day.weekday > 5) continue;
      for (const spaceId of spaceIds) yield { spaceId, date: day.toISODate()! };
    }
  }
}

describe('PostgreSQL restarted during a booking load', () => {
  it('answers 503 while it is down, recovers by itself and loses or half-writes no booking', async () => {
    const client = await HttpClient.signIn(server.baseUrl, 'pendlerin@demo.landraeume.example');
    const spaceIds: string[] = [];
    for (const slug of COWORKING) spaceIds.push((await client.get(`/api/spaces/${slug}`)).body.id as string);
    const next = requests(spaceIds);
    const answers: { phase: 'before' | 'down' | 'after'; answer: Answer }[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    let running = true;
    const worker = async () => {
      while (running) {
        const sentIn = phase;
        // A dropped connection counts as status 0: the server must always answer.
        const answer = await client.post('/api/bookings', next.next().value).catch((err: Error) => ({ status: 0, body: { error: { code: 'network', message: String(err.cause ?? err) } }, retryAfter: null }));
        answers.push({ phase: sentIn === phase ? phase : 'down', answer });
        if (phase === 'down') await new Promise((r) => setTimeout(r, 50));
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, worker));

    await new Promise((r) => setTimeout(r, 1500));
    phase = 'down';
    await database.stop();
    await new Promise((r) => setTimeout(r, 1500));
    const readyWhileDown = await fetch(`${server.baseUrl}/readyz`);
    database = await startEmbeddedPostgres(dataDir, silentLogger, { port: database.port });
    phase = 'after';
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && answers.filter((a) => a.phase === 'after' && a.answer.status === 201).length < 5) await new Promise((r) => setTimeout(r, 100));
    running = false;
    await load;

    expect(readyWhileDown.status).toBe(503);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const statuses = new Set(answers.map((a) => a.answer.status));
    expect([...statuses].filter((s) => ![201, 409, 422, 503].includes(s))).toEqual([]);
    const unavailable = answers.filter((a) => a.answer.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const { answer } of unavailable) {
      expect(answer.body.error?.code).toBe('service_unavailable');
      expect(answer.retryAfter).toBe('5');
    }
    expect(answers.filter((a) => a.phase === 'before' && a.answer.status === 201).length).toBeGreaterThan(0);
    const after = answers.filter((a) => a.phase === 'after');
    expect(after.filter((a) => a.answer.status === 201).length, JSON.stringify(after.slice(-3).map((a) => a.answer))).toBeGreaterThanOrEqual(5);

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const confirmed = answers.filter((a) => a.answer.status === 201).map((a) => a.answer.body.id as string);
      const { rows } = await db.query<{ id: string; claims: number; audits: number; jobs: number }>(
        `SELECT b.id,
                (SELECT count(*)::int FROM booking_claims c WHERE c.booking_id = b.id AND c.active) AS claims,
                (SELECT count(*)::int FROM audit_events a WHERE a.subject_id = b.id::text) AS audits,
                (SELECT count(*)::int FROM outbox_jobs j WHERE j.payload->>'bookingId' = b.id::text) AS jobs
           FROM bookings b JOIN users u ON u.id = b.booker_id
          WHERE u.email = 'pendlerin@demo.landraeume.example' AND b.created_at > now() - interval '10 minutes'`,
      );
      expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(confirmed));
      // Nothing the server did not confirm, apart from a commit whose answer the outage swallowed.
      expect(rows.length - confirmed.length).toBeLessThanOrEqual(unavailable.length);
      for (const row of rows) expect(row, `booking ${row.id}`).toMatchObject({ claims: 1, audits: 1, jobs: 1 });
    } finally {
      await db.end();
    }
  }, 120_000);
});
