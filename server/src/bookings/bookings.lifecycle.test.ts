import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { expirePendingBookings } from './expiry.job';

// Complements bookings.test.ts: "any desk" assignment, the whole life of a request with its
// audit trail and sequence, every refused transition over HTTP, idempotency as the database
// sees it, and bookings across the DST changes of 2027 (those of 2026 are in the unit tests:
// they are already past, and the API refuses the past).
type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let cowork: SpaceFixture;
let room: SpaceFixture;
let night: SpaceFixture;
let club: string;
let bookerId: string;
let adminId: string;
let booker: Agent;
let townAdmin: Agent;
let other: Agent;

const berlin = () => DateTime.now().setZone('Europe/Berlin');
/** A local date `days` ahead, and a slot on it at a local hour. */
const dayAhead = (days: number) => berlin().plus({ days }).toISODate()!;
const slot = (days: number, hour: number, hours = 1) => {
  const start = berlin().plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours }).toISO()! };
};
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.dataSource.query(text, params) as Promise<T[]>;
const auditOf = (id: string) => sql<{ action: string; actor_user_id: string | null; data: Record<string, unknown> }>(`SELECT action, actor_user_id, data FROM audit_events WHERE subject_type = 'booking' AND subject_id = $1 ORDER BY id`, [id]);
const claimsHeldBy = async (id: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM booking_claims WHERE booking_id = $1 AND active`, [id]))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Lebenslauf');
  club = await createOrganization(db, 'club', 'TuS Lebenslauf');
  // Holidays off: the dates below move with today's date and must not land on one (holidays are unit-tested).
  cowork = await createSpace(db, town, { desks: 3, holidaysClosed: false });
  await db.query(`UPDATE spaces SET price_per_hour_cents = 400, price_per_day_cents = 1900, club_price_per_hour_cents = 150, horizon_days = 730 WHERE id = $1`, [cowork.id]);
  room = await createSpace(db, town, { kind: 'meeting_room', room: { capacity: 12 }, approval: 'required', holidaysClosed: false });
  await db.query(`UPDATE spaces SET cancellation_deadline_hours = 48 WHERE id = $1`, [room.id]);
  // Open round the clock so that the night of a clock change can be booked.
  night = await createSpace(db, town, { desks: 2, opening: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })) });
  await db.query(`UPDATE spaces SET price_per_hour_cents = 300, horizon_days = 730 WHERE id = $1`, [night.id]);
  const [b, a, o] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
  [bookerId, adminId] = [b!.id, a!.id];
  await addMember(db, bookerId, club, 'member');
  await addMember(db, adminId, town, 'admin');
  [booker, townAdmin, other] = (await Promise.all([b!, a!, o!].map((u) => signIn(t.app, u.email)))) as [Agent, Agent, Agent];
});
afterAll(async () => {
  await t?.close();
});

describe('any desk', () => {
  it('assigns a different free desk to each request until none is left, then 409', async () => {
    const when = slot(20, 9, 2);
    const assigned: string[] = [];
    for (let i = 0; i < 3; i++) assigned.push((await booker.post('/api/bookings').send({ spaceId: cowork.id, ...when }).expect(201)).body.resource.id);
    expect(new Set(assigned)).toEqual(new Set(cowork.resourceIds));
    expect((await booker.post('/api/bookings').send({ spaceId: cowork.id, ...when }).expect(409)).body.error.code).toBe('booking_conflict');
  });

  it('passes over a desk closed for maintenance instead of refusing the whole space', async () => {
    const date = dayAhead(21);
    await sql(`INSERT INTO closures (space_id, resource_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $3, 'Wartung')`, [cowork.id, cowork.resourceIds[0], date]);
    // Platz 1 is tried first for the rules: its closure must not refuse the other desks.
    const ranged = await booker.post('/api/bookings').send({ spaceId: cowork.id, ...slot(21, 10, 2) }).expect(201);
    expect(ranged.body.resource.id).not.toBe(cowork.resourceIds[0]);
    const whole = await booker.post('/api/bookings').send({ spaceId: cowork.id, date }).expect(201);
    expect(whole.body.resource.id).not.toBe(cowork.resourceIds[0]);
    expect((await booker.post('/api/bookings').send({ spaceId: cowork.id, resourceId: cowork.resourceIds[0], date }).expect(422)).body.error.code).toBe('space_closed');
    // With every desk closed on its own, the answer is still the closure, not a conflict.
    const allClosed = dayAhead(23);
    for (const desk of cowork.resourceIds) await sql(`INSERT INTO closures (space_id, resource_id, starts_on, ends_on) VALUES ($1, $2, $3, $3)`, [cowork.id, desk, allClosed]);
    expect((await booker.post('/api/bookings').send({ spaceId: cowork.id, date: allClosed }).expect(422)).body.error.code).toBe('space_closed');
    expect((await booker.post('/api/bookings').send({ spaceId: cowork.id, ...slot(23, 10) }).expect(422)).body.error.code).toBe('space_closed');
  });

  it('charges a club booking the club’s hourly rate, also for a whole day', async () => {
    const hours = await booker.post('/api/bookings').send({ spaceId: cowork.id, ...slot(22, 9, 2), organizationId: club }).expect(201);
    expect(hours.body).toMatchObject({ priceCents: 300, organization: { id: club } });
    const day = await booker.post('/api/bookings').send({ spaceId: cowork.id, date: dayAhead(22), organizationId: club }).expect(201);
    expect(day.body).toMatchObject({ wholeDay: true, priceCents: 1500 });
    const own = await booker.post('/api/bookings').send({ spaceId: cowork.id, date: dayAhead(22) }).expect(201);
    expect(own.body.priceCents).toBe(1900);
  });
});

describe('a request’s life', () => {
  it('is pending with an expiry, shows in the inbox, is approved and cancelled, each step audited', async () => {
    const created = await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(30, 10, 2), attendees: 8 }).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'pending', sequence: 0, resource: { id: room.resourceIds[0] } });
    // The default expiry is 72 hours after the request.
    const expiresIn = DateTime.fromISO(created.body.expiresAt).diff(DateTime.fromISO(created.body.createdAt), 'hours').hours;
    expect(expiresIn).toBeCloseTo(72, 1);
    const inbox = await townAdmin.get(`/api/bookings?scope=managed&status=pending&spaceId=${room.id}`).expect(200);
    expect(inbox.body.items.map((b: { id: string }) => b.id)).toEqual([id]);
    expect((await booker.get('/api/bookings?status=pending').expect(200)).body.items.map((b: { id: string }) => b.id)).toContain(id);
    expect((await other.get('/api/bookings?scope=managed&status=pending').expect(200)).body.items).toEqual([]);

    const approved = await townAdmin.post(`/api/bookings/${id}/approve`).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'confirmed', sequence: 1 });
    const cancelled = await townAdmin.post(`/api/bookings/${id}/cancel`).send({ reason: 'Ratssitzung' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2, decisionReason: 'Ratssitzung' });
    expect(await claimsHeldBy(id)).toBe(0);
    const audit = await auditOf(id);
    expect(audit.map((e) => [e.action, e.actor_user_id])).toEqual([['booking.requested', bookerId], ['booking.confirmed', adminId], ['booking.cancelled', adminId]]);
    expect(audit[2]!.data).toMatchObject({ from: 'confirmed', reason: 'Ratssitzung' });
  });

  it('is rejected only with a reason, frees its slot for the same room, and is audited', async () => {
    const when = slot(31, 14, 2);
    const { body } = await booker.post('/api/bookings').send({ spaceId: room.id, ...when }).expect(201);
    expect((await townAdmin.post(`/api/bookings/${body.id}/reject`).send({ reason: '  ' }).expect(400)).body.error.code).toBe('invalid_input');
    await booker.post('/api/bookings').send({ spaceId: room.id, ...when }).expect(409);
    await townAdmin.post(`/api/bookings/${body.id}/reject`).send({ reason: 'Schulveranstaltung' }).expect(200);
    expect(await claimsHeldBy(body.id)).toBe(0);
    await booker.post('/api/bookings').send({ spaceId: room.id, ...when }).expect(201);
    expect((await auditOf(body.id)).map((e) => [e.action, e.actor_user_id, e.data.reason])).toEqual([
      ['booking.requested', bookerId, undefined],
      ['booking.rejected', adminId, 'Schulveranstaltung'],
    ]);
  });

  it('may be withdrawn by the booker after the deadline while pending, but not once confirmed', async () => {
    // One day ahead is inside the room's 48-hour deadline.
    const withdrawn = await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(1, 16) }).expect(201);
    expect((await booker.post(`/api/bookings/${withdrawn.body.id}/cancel`).send({}).expect(200)).body.status).toBe('cancelled');
    const kept = await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(1, 12) }).expect(201);
    await townAdmin.post(`/api/bookings/${kept.body.id}/approve`).send({}).expect(200);
    expect((await booker.post(`/api/bookings/${kept.body.id}/cancel`).send({}).expect(422)).body.error.code).toBe('cancellation_deadline_passed');
    await other.post(`/api/bookings/${kept.body.id}/cancel`).send({}).expect(404);
    expect((await booker.get(`/api/bookings/${kept.body.id}`).expect(200)).body.status).toBe('confirmed');
  });

  it('expires when unanswered, audited without an actor, and leaves requests that are not due', async () => {
    const when = slot(32, 9, 2);
    const due = await booker.post('/api/bookings').send({ spaceId: room.id, ...when }).expect(201);
    const notDue = await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(32, 13, 2) }).expect(201);
    await sql(`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = $1`, [due.body.id]);
    expect(await expirePendingBookings(t.db.dataSource)).toBe(1);
    expect((await booker.get(`/api/bookings/${due.body.id}`).expect(200)).body).toMatchObject({ status: 'expired', sequence: 1 });
    expect((await booker.get(`/api/bookings/${notDue.body.id}`).expect(200)).body.status).toBe('pending');
    expect((await auditOf(due.body.id)).map((e) => [e.action, e.actor_user_id])).toEqual([['booking.requested', bookerId], ['booking.expired', null]]);
    await booker.post('/api/bookings').send({ spaceId: room.id, ...when }).expect(201);
  });
});

describe('refused transitions', () => {
  const inState = async (status: 'confirmed' | 'rejected' | 'expired' | 'cancelled', days: number) => {
    const { body } = await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(days, 10) }).expect(201);
    if (status === 'confirmed') await townAdmin.post(`/api/bookings/${body.id}/approve`).send({}).expect(200);
    if (status === 'rejected') await townAdmin.post(`/api/bookings/${body.id}/reject`).send({ reason: 'belegt' }).expect(200);
    if (status === 'cancelled') await booker.post(`/api/bookings/${body.id}/cancel`).send({}).expect(200);
    if (status === 'expired') {
      await sql(`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = $1`, [body.id]);
      await expirePendingBookings(t.db.dataSource);
    }
    return body.id as string;
  };
  const refused: ['confirmed' | 'rejected' | 'expired' | 'cancelled', 'approve' | 'reject' | 'cancel', number][] = [
    ['confirmed', 'approve', 40], ['confirmed', 'reject', 41],
    ['rejected', 'approve', 42], ['rejected', 'reject', 43], ['rejected', 'cancel', 44],
    ['expired', 'approve', 45], ['expired', 'reject', 46], ['expired', 'cancel', 47],
    ['cancelled', 'approve', 48], ['cancelled', 'reject', 49], ['cancelled', 'cancel', 50],
  ];
  it.each(refused)('%s → %s is 409 invalid_transition and changes nothing', async (status, action, days) => {
    const id = await inState(status, days);
    const before = (await townAdmin.get(`/api/bookings/${id}`).expect(200)).body;
    const res = await townAdmin.post(`/api/bookings/${id}/${action}`).send({ reason: 'Versuch' }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'invalid_transition', details: { status } });
    expect((await townAdmin.get(`/api/bookings/${id}`).expect(200)).body).toEqual(before);
  });
});

describe('idempotency, as the database sees it', () => {
  const rowsAt = async (spaceId: string, start: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE space_id = $1 AND lower(period) = $2::timestamptz`, [spaceId, start]))[0]!.n;

  it('writes one booking for a retried request, and keeps keys apart per user', async () => {
    const body = { spaceId: cowork.id, resourceId: cowork.resourceIds[1], ...slot(60, 9) };
    const first = await booker.post('/api/bookings').set('Idempotency-Key', 'retry-lifecycle-1').send(body).expect(201);
    const second = await booker.post('/api/bookings').set('Idempotency-Key', 'retry-lifecycle-1').send(body).expect(201);
    expect(second.body).toEqual(first.body);
    expect(await rowsAt(cowork.id, body.start)).toBe(1);
    // Another user's identical key is their own: no replay of someone else's booking.
    const theirs = await other.post('/api/bookings').set('Idempotency-Key', 'retry-lifecycle-1').send(body).expect(409);
    expect(theirs.body.error.code).toBe('booking_conflict');
    expect((await booker.post('/api/bookings').set('Idempotency-Key', 'retry-lifecycle-1').send({ ...body, attendees: 1 }).expect(422)).body.error.code).toBe('idempotency_key_reused');
  });

  it('replays a rule refusal too, without writing anything', async () => {
    const body = { spaceId: cowork.id, ...slot(61, 6) };
    const first = await booker.post('/api/bookings').set('Idempotency-Key', 'retry-lifecycle-2').send(body).expect(422);
    expect(first.body.error.code).toBe('outside_opening_hours');
    expect((await booker.post('/api/bookings').set('Idempotency-Key', 'retry-lifecycle-2').send(body).expect(422)).body).toEqual(first.body);
    expect(await rowsAt(cowork.id, body.start)).toBe(0);
  });
});

describe('across the DST changes of 2027', () => {
  it('books 01:00–04:00 local on 2027-03-28 as two real hours, and on 2027-10-31 as four', async () => {
    const spring = await booker.post('/api/bookings').send({ spaceId: night.id, resourceId: night.resourceIds[0], start: '2027-03-28T01:00:00+01:00', end: '2027-03-28T04:00:00+02:00' }).expect(201);
    expect(spring.body).toMatchObject({ start: '2027-03-28T01:00:00+01:00', end: '2027-03-28T04:00:00+02:00', priceCents: 600 });
    const autumn = await booker.post('/api/bookings').send({ spaceId: night.id, resourceId: night.resourceIds[0], start: '2027-10-31T01:00:00+02:00', end: '2027-10-31T04:00:00+01:00' }).expect(201);
    expect(autumn.body).toMatchObject({ start: '2027-10-31T01:00:00+02:00', end: '2027-10-31T04:00:00+01:00', priceCents: 1200 });
    const [row] = await sql<{ hours: number }>(`SELECT extract(epoch FROM upper(period) - lower(period)) / 3600 AS hours FROM bookings WHERE id = $1`, [autumn.body.id]);
    expect(Number(row!.hours)).toBe(4);
  });

  it('tells the two 02:00–03:00 hours of 2027-10-31 apart: each can be booked on its own', async () => {
    const desk = night.resourceIds[1];
    const summer = await booker.post('/api/bookings').send({ spaceId: night.id, resourceId: desk, start: '2027-10-31T02:00:00+02:00', end: '2027-10-31T03:00:00+02:00' }).expect(201);
    const winter = await booker.post('/api/bookings').send({ spaceId: night.id, resourceId: desk, start: '2027-10-31T02:00:00+01:00', end: '2027-10-31T03:00:00+01:00' }).expect(201);
    expect([summer.body.priceCents, winter.body.priceCents]).toEqual([300, 300]);
    // From the first 02:30 to the second overlaps both of them.
    const both = await booker.post('/api/bookings').send({ spaceId: night.id, resourceId: desk, start: '2027-10-31T02:30:00+02:00', end: '2027-10-31T02:30:00+01:00' }).expect(409);
    expect(both.body.error.code).toBe('booking_conflict');
  });

  it('books the whole day 08:00–18:00 local on both change days, at the day price', async () => {
    for (const [date, offset] of [['2027-03-28', '+02:00'], ['2027-10-31', '+01:00']] as const) {
      const res = await booker.post('/api/bookings').send({ spaceId: cowork.id, date }).expect(201);
      expect(res.body).toMatchObject({ wholeDay: true, start: `${date}T08:00:00${offset}`, end: `${date}T18:00:00${offset}`, priceCents: 1900 });
    }
  });
});
