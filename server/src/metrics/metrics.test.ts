import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app';
import { createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { adminQuery } from '../db/testing/pg-admin';
import { appFor, createTestApp, TEST_PUBLIC_URL, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';
import { createTestDatabase, silentLogger } from '../db/testing/test-database';
import { startWorker } from '../worker/jobs';

let t: TestApp;
let cowork: SpaceFixture;
let room: SpaceFixture;
let booker: Awaited<ReturnType<typeof signIn>>;

const slot = (days: number, hour: number) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()! };
};
/** The value of one series in Prometheus text, e.g. `bookings_created_total{kind="instant"}`. */
const valueOf = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality');
  cowork = await createSpace(db, town, { desks: 2, holidaysClosed: false });
  room = await createSpace(db, town, { kind: 'meeting_room', room: { capacity: 10 }, approval: 'required', holidaysClosed: false });
  booker = await signIn(t.app, (await createUser(db)).email);
});
afterAll(async () => {
  await t?.close();
});

describe('/metrics', () => {
  it('counts bookings by kind after they commit, times requests by route pattern, and reads queue and pool at scrape time', async () => {
    const instant = await booker.post('/api/bookings').send({ spaceId: cowork.id, ...slot(9, 10) }).expect(201);
    await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(9, 10) }).expect(201);
    await booker.post('/api/bookings').send({ spaceId: cowork.id, resourceId: instant.body.resource.id, ...slot(9, 10) }).expect(409);
    await booker.post(`/api/bookings/${instant.body.id}/cancel`).send({}).expect(200);
    await booker.get(`/api/bookings/${instant.body.id}`).expect(200);

    const res = await request(t.app).get('/metrics').expect(200).expect('Content-Type', /text\/plain/);
    const text = res.text;
    expect(valueOf(text, 'bookings_created_total{kind="instant"}')).toBe(1);
    expect(valueOf(text, 'bookings_created_total{kind="request"}')).toBe(1);
    expect(valueOf(text, 'bookings_cancelled_total{kind="instant"}')).toBe(1);
    expect(valueOf(text, 'http_request_duration_seconds_count{method="POST",route="/api/bookings",status="201"}')).toBe(2);
    expect(valueOf(text, 'http_request_duration_seconds_count{method="POST",route="/api/bookings",status="409"}')).toBe(1);
    expect(valueOf(text, 'http_request_duration_seconds_count{method="GET",route="/api/bookings/:id",status="200"}')).toBe(1);
    // Route patterns only: an id in a label would make a new series per booking.
    expect(text).not.toContain(instant.body.id);
    expect(valueOf(text, 'outbox_jobs{status="pending"}')).toBeGreaterThanOrEqual(2);
    expect(valueOf(text, 'outbox_jobs{status="dead"}')).toBe(0);
    expect(valueOf(text, 'pg_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'pg_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'pg_pool_connections{state="waiting"}')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('counts outbox handler failures', async () => {
    const worker = startWorker({
      db: t.db.dataSource,
      mailer: { send: () => Promise.reject(new Error('mail server down')) },
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: 'noreply@landraeume.test',
      reminderHours: 0,
      log: silentLogger,
      metrics: t.metrics,
    });
    let failures: number | undefined;
    for (let i = 0; i < 50 && !failures; i++) {
      await new Promise((r) => setTimeout(r, 100));
      failures = valueOf(await t.metrics.registry.metrics(), 'outbox_job_failures_total{kind="booking.mail"}');
    }
    await worker.stop();
    expect(failures).toBeGreaterThanOrEqual(1);
  });

  it('is for operators only: a request through a proxy is refused, and with METRICS_TOKEN only its bearer gets in', async () => {
    const forwarded = await request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
    expect(forwarded.body.error.code).toBe('forbidden');

    const token = 'metrics-token-for-the-test-0123456789';
    const guarded = createApp({
      config: { publicUrl: TEST_PUBLIC_URL, sessionSecret: TEST_SESSION_SECRET, dataDir: t.dataDir, smtpUrl: undefined, mailFrom: 'noreply@landraeume.test', metricsToken: token },
      dataSource: t.db.dataSource,
      log: silentLogger,
    });
    try {
      expect((await request(guarded.app).get('/metrics').expect(403)).body.error.code).toBe('forbidden');
      await request(guarded.app).get('/metrics').set('Authorization', 'Bearer wrong-token').expect(403);
      await request(guarded.app).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    } finally {
      await guarded.close();
    }
  });

  it('still answers when the database is gone, without a stale queue depth', async () => {
    const doomed = await createTestDatabase();
    const { app, close } = appFor(doomed.dataSource);
    expect(valueOf((await request(app).get('/metrics').expect(200)).text, 'outbox_jobs{status="pending"}')).toBe(0);
    await adminQuery(inject('pgAdminUrl'), `DROP DATABASE ${doomed.name} WITH (FORCE)`);
    const text = (await request(app).get('/metrics').expect(200)).text;
    expect(text).not.toContain('outbox_jobs{');
    expect(valueOf(text, 'pg_pool_connections{state="total"}')).toBeGreaterThanOrEqual(0);
    await close();
    await doomed.drop();
  });
});
