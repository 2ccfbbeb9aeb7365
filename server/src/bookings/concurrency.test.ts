import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createSpace, createUser } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

/*
 * Double booking is impossible by construction (the exclusion constraint), and these tests
 * storm it: many parallel requests from different users for the same slot, against the real
 * PostgreSQL, each with its own connection from the pool.
 */

let t: TestApp;
let provider: string;
const cookies: string[] = [];

const slot = (daysAhead: number, hour: number, hours = 1) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: daysAhead }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours }).toISO()! };
};

const post = (cookie: string, body: object, key?: string) => {
  let req = request(t.app).post('/api/bookings').set('Cookie', cookie);
  if (key) req = req.set('Idempotency-Key', key);
  return req.send(body);
};

const statuses = (responses: request.Response[]) => {
  const counts: Record<number, number> = {};
  for (const res of responses) counts[res.status] = (counts[res.status] ?? 0) + 1;
  return counts;
};

beforeAll(async () => {
  t = await createTestApp();
  provider = await createOrganization(t.db.dataSource, 'provider', 'Anbieter Sturm');
  for (let i = 0; i < 50; i++) cookies.push(await sessionCookie(t.db.dataSource, (await createUser(t.db.dataSource)).id, TEST_SESSION_SECRET));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('concurrent bookings', () => {
  it('50 parallel requests for one room slot: exactly 1 created, 49 × 409', async () => {
    const room = await createSpace(t.db.dataSource, provider, { room: { capacity: 20 } });
    const body = { spaceId: room.id, ...slot(5, 10, 2) };
    const responses = await Promise.all(cookies.map((cookie) => post(cookie, body)));
    expect(statuses(responses)).toEqual({ 201: 1, 409: 49 });
    for (const res of responses.filter((r) => r.status === 409)) expect(res.body.error.code).toBe('booking_conflict');
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE space_id = $1`, [room.id]);
    expect(n).toBe(1);
  });

  it('30 parallel requests mixing the whole hall and its thirds: one whole or up to three distinct thirds, never both', async () => {
    const hall = await createSpace(t.db.dataSource, provider, { kind: 'sports_hall', room: { capacity: 90, parts: 3 } });
    const [whole, ...thirds] = hall.resourceIds as [string, string, string, string];
    const when = slot(6, 15, 2);
    const responses = await Promise.all(
      cookies.slice(0, 30).map((cookie, i) => post(cookie, { spaceId: hall.id, resourceId: i % 4 === 0 ? whole : thirds[i % 3]!, ...when })),
    );
    const created = responses.filter((r) => r.status === 201).map((r) => r.body.resource.id as string);
    expect(responses.filter((r) => r.status !== 201 && r.status !== 409).map((r) => [r.status, r.body])).toEqual([]);
    if (created.includes(whole)) expect(created).toEqual([whole]);
    else {
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created).size).toBe(created.length);
      for (const id of created) expect(thirds).toContain(id);
    }
    const claims = (await t.db.dataSource.query(
      `SELECT k.unit_id FROM booking_claims k JOIN bookings b ON b.id = k.booking_id WHERE b.space_id = $1 AND k.active`,
      [hall.id],
    )) as { unit_id: string }[];
    expect(new Set(claims.map((c) => c.unit_id)).size).toBe(claims.length);
  });

  it('50 parallel "any desk" requests for a 12-desk space: exactly 12 created, each on its own desk', async () => {
    const space = await createSpace(t.db.dataSource, provider, { desks: 12 });
    const body = { spaceId: space.id, ...slot(7, 9, 3) };
    const responses = await Promise.all(cookies.map((cookie) => post(cookie, body)));
    expect(statuses(responses)).toEqual({ 201: 12, 409: 38 });
    const desks = responses.filter((r) => r.status === 201).map((r) => r.body.resource.id as string);
    expect(new Set(desks).size).toBe(12);
  });

  it('50 parallel retries with one idempotency key: 1 booking, 50 identical answers', async () => {
    const space = await createSpace(t.db.dataSource, provider, { desks: 3 });
    const body = { spaceId: space.id, ...slot(8, 14, 1) };
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(cookies[0]!, body, 'retry-key-0001')));
    expect(responses.filter((r) => r.status !== 201).map((r) => [r.status, r.body])).toEqual([]);
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE space_id = $1`, [space.id]);
    expect(n).toBe(1);
  });
});
