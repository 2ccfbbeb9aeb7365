import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createSpace, createUser, signIn } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

/*
 * Set-up and clean-up buffers: the claims cover [start − setup, end + clean-up), so the exclusion
 * constraint keeps the gap between two bookings of a unit, while every booker sees only the
 * period they asked for.
 */

let t: TestApp;
let provider: string;
let manager: Awaited<ReturnType<typeof signIn>>;
const cookies: string[] = [];

const at = (daysAhead: number, hour: number, minute = 0) => DateTime.now().setZone('Europe/Berlin').plus({ days: daysAhead }).set({ hour, minute, second: 0, millisecond: 0 });
const period = (start: DateTime, minutes: number) => ({ start: start.toISO()!, end: start.plus({ minutes }).toISO()! });
const book = (cookie: string, body: object) => request(t.app).post('/api/bookings').set('Cookie', cookie).send(body);

/** A room whose buffers are set through the management API, as its provider would. */
async function roomWithBuffers(setupMinutes: number, cleanupMinutes: number) {
  const room = await createSpace(t.db.dataSource, provider, { room: { capacity: 40 } });
  const edited = await manager.patch(`/api/spaces/${room.id}`).send({ setupMinutes, cleanupMinutes }).expect(200);
  expect(edited.body).toMatchObject({ setupMinutes, cleanupMinutes });
  return room;
}

beforeAll(async () => {
  t = await createTestApp();
  provider = await createOrganization(t.db.dataSource, 'provider', 'Bürgerhaus Buffer');
  const staff = await createUser(t.db.dataSource);
  await addMember(t.db.dataSource, staff.id, provider, 'admin');
  manager = await signIn(t.app, staff.email);
  for (let i = 0; i < 20; i++) cookies.push(await sessionCookie(t.db.dataSource, (await createUser(t.db.dataSource)).id, TEST_SESSION_SECRET));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('set-up and clean-up buffers', () => {
  it('keep the gap between two bookings, offer no slot inside it, and show the booker only their own times', async () => {
    const room = await roomWithBuffers(30, 30);
    const first = period(at(4, 10), 60);
    const created = await book(cookies[0]!, { spaceId: room.id, ...first }).expect(201);
    expect(DateTime.fromISO(created.body.start).toMillis()).toBe(DateTime.fromISO(first.start).toMillis());
    expect(DateTime.fromISO(created.body.end).toMillis()).toBe(DateTime.fromISO(first.end).toMillis());
    const [claim] = await t.db.dataSource.query(`SELECT lower(period) AS lo, upper(period) AS hi FROM booking_claims WHERE booking_id = $1`, [created.body.id]);
    expect([claim.lo.getTime(), claim.hi.getTime()]).toEqual([at(4, 9, 30).toMillis(), at(4, 11, 30).toMillis()]);

    // Clean-up (30) of the first plus set-up (30) of the next: an hour between them.
    const tooClose = await book(cookies[1]!, { spaceId: room.id, ...period(at(4, 11, 30), 60) }).expect(409);
    expect(tooClose.body.error.code).toBe('booking_conflict');
    await book(cookies[1]!, { spaceId: room.id, ...period(at(4, 8, 30), 60) }).expect(409);
    const after = await book(cookies[1]!, { spaceId: room.id, ...period(at(4, 12), 60) }).expect(201);

    const mine = await request(t.app).get(`/api/bookings/${after.body.id}`).set('Cookie', cookies[1]!).expect(200);
    expect(DateTime.fromISO(mine.body.start).toMillis()).toBe(at(4, 12).toMillis());
    expect(DateTime.fromISO(mine.body.end).toMillis()).toBe(at(4, 13).toMillis());

    const day = at(4, 0);
    const availability = await request(t.app).get(`/api/spaces/${room.id}/availability`).query({ from: day.toISO(), to: day.plus({ days: 1 }).toISO() }).expect(200);
    const free = availability.body.resources[0].free.map((f: { start: string; end: string }) => [DateTime.fromISO(f.start).setZone('Europe/Berlin').toFormat('HH:mm'), DateTime.fromISO(f.end).setZone('Europe/Berlin').toFormat('HH:mm')]);
    // Busy 10–11 and 12–13; no new hour-long booking fits between them, and one may end 09:00 at the latest.
    expect(free).toEqual([['08:00', '09:00'], ['14:00', '18:00']]);
    await book(cookies[2]!, { spaceId: room.id, ...period(at(4, 8), 60) }).expect(201);
    await book(cookies[2]!, { spaceId: room.id, ...period(at(4, 14), 60) }).expect(201);
  });

  it('hold for series too: the preview marks a date inside a buffer as a conflict and skipping leaves it out', async () => {
    const room = await roomWithBuffers(0, 60);
    await book(cookies[5]!, { spaceId: room.id, ...period(at(8, 14), 60) }).expect(201);
    const series = { spaceId: room.id, ...period(at(1, 15), 90), rrule: 'FREQ=WEEKLY;COUNT=2' };
    const preview = await request(t.app).post('/api/series/preview').set('Cookie', cookies[6]!).send(series).expect(200);
    expect(preview.body.occurrences.map((o: { status: string }) => o.status)).toEqual(['free', 'conflict']);
    const created = await request(t.app).post('/api/series').set('Cookie', cookies[6]!).send({ ...series, onConflict: 'skip' }).expect(201);
    expect(created.body.created).toHaveLength(1);
    expect(created.body.skipped).toHaveLength(1);
    expect(DateTime.fromISO(created.body.created[0].start).toMillis()).toBe(at(1, 15).toMillis());
  });

  it('without buffers, back-to-back bookings still fit', async () => {
    const room = await createSpace(t.db.dataSource, provider, { room: { capacity: 10 } });
    await book(cookies[3]!, { spaceId: room.id, ...period(at(5, 10), 60) }).expect(201);
    await book(cookies[4]!, { spaceId: room.id, ...period(at(5, 11), 60) }).expect(201);
  });

  it('20 parallel requests for adjacent slots within each other’s buffers: exactly one succeeds', async () => {
    const room = await roomWithBuffers(15, 45);
    // Back to back, or half an hour apart: without the buffers the first two would both fit.
    const slots = [period(at(6, 10), 60), period(at(6, 11), 60), period(at(6, 9, 30), 60), period(at(6, 10, 30), 60)];
    const responses = await Promise.all(cookies.map((cookie, i) => book(cookie, { spaceId: room.id, ...slots[i % slots.length]! })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE space_id = $1 AND status IN ('pending', 'confirmed')`, [room.id]);
    expect(n).toBe(1);
  });
});
