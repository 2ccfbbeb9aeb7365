import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { expirePendingBookings } from './expiry.job';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let desks: SpaceFixture;
let hall: SpaceFixture;
let club: string;
let booker: Agent;
let townAdmin: Agent;
let townStaff: Agent;
let stranger: Agent;

/** A slot `days` ahead at a local hour, on the grid. */
const slot = (days: number, hour: number, hours = 1) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours }).toISO()! };
};
const auditOf = async (id: string) => ((await t.db.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [id])) as { action: string }[]).map((r) => r.action);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Stadt Buchung');
  club = await createOrganization(db, 'club', 'SV Buchung');
  desks = await createSpace(db, town, { desks: 2 });
  await db.query(`UPDATE spaces SET price_per_hour_cents = 400, price_per_day_cents = 1900, cancellation_deadline_hours = 24 WHERE id = $1`, [desks.id]);
  hall = await createSpace(db, town, { kind: 'sports_hall', room: { capacity: 90, parts: 3 }, approval: 'required' });
  await db.query(`UPDATE spaces SET price_per_hour_cents = 4500, club_price_per_hour_cents = 900, capacity = 90 WHERE id = $1`, [hall.id]);
  const people = await Promise.all([createUser(db), createUser(db), createUser(db), createUser(db)]);
  await addMember(db, people[0]!.id, club, 'admin');
  await addMember(db, people[1]!.id, town, 'admin');
  await addMember(db, people[2]!.id, town, 'member');
  const agents = await Promise.all(people.map((p) => signIn(t.app, p.email)));
  [booker, townAdmin, townStaff, stranger] = agents as [Agent, Agent, Agent, Agent];
});
afterAll(async () => {
  await t?.close();
});

describe('bookings', () => {
  it('books a chosen desk, confirmed at once, with the price fixed on the booking', async () => {
    const res = await booker.post('/api/bookings').send({ spaceId: desks.id, resourceId: desks.resourceIds[0], ...slot(3, 9, 2), purpose: 'Schreibtag' }).expect(201);
    expect(res.body).toMatchObject({ status: 'confirmed', priceCents: 800, purpose: 'Schreibtag', resource: { id: desks.resourceIds[0] }, wholeDay: false });
    await t.db.dataSource.query(`UPDATE spaces SET price_per_hour_cents = 9999 WHERE id = $1`, [desks.id]);
    expect((await booker.get(`/api/bookings/${res.body.id}`).expect(200)).body.priceCents).toBe(800);
    await t.db.dataSource.query(`UPDATE spaces SET price_per_hour_cents = 400 WHERE id = $1`, [desks.id]);
    expect(await auditOf(res.body.id)).toEqual(['booking.confirmed']);
  });

  it('books a whole day at the day price on any free desk', async () => {
    const date = DateTime.now().setZone('Europe/Berlin').plus({ days: 4 }).toISODate();
    const res = await booker.post('/api/bookings').send({ spaceId: desks.id, date }).expect(201);
    expect(res.body).toMatchObject({ wholeDay: true, priceCents: 1900 });
    expect(res.body.start).toContain('T08:00:00');
    expect(res.body.end).toContain('T18:00:00');
  });

  it('holds a room request as pending until an admin decides; staff may not', async () => {
    const res = await booker.post('/api/bookings').send({ spaceId: hall.id, resourceId: hall.resourceIds[0], ...slot(5, 15, 2), organizationId: club, attendees: 40 }).expect(201);
    expect(res.body).toMatchObject({ status: 'pending', priceCents: 1800, organization: { id: club } });
    expect(res.body.expiresAt).toEqual(expect.any(String));
    const inbox = await townAdmin.get('/api/bookings?scope=managed&status=pending').expect(200);
    expect(inbox.body.items.map((b: { id: string }) => b.id)).toContain(res.body.id);
    expect(inbox.body.items[0].booker).toEqual(expect.objectContaining({ name: expect.any(String) }));
    await townStaff.post(`/api/bookings/${res.body.id}/approve`).send({}).expect(403);
    const approved = await townAdmin.post(`/api/bookings/${res.body.id}/approve`).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'confirmed', sequence: 1 });
    expect((await townAdmin.post(`/api/bookings/${res.body.id}/approve`).send({}).expect(409)).body.error.code).toBe('invalid_transition');
    expect((await booker.get(`/api/bookings/${res.body.id}`).expect(200)).body.status).toBe('confirmed');
    expect(await auditOf(res.body.id)).toEqual(['booking.requested', 'booking.confirmed']);
  });

  it('rejects with a reason and frees the slot at once', async () => {
    const when = slot(6, 14, 2);
    const res = await booker.post('/api/bookings').send({ spaceId: hall.id, ...when, resourceId: hall.resourceIds[0] }).expect(201);
    await townAdmin.post(`/api/bookings/${res.body.id}/reject`).send({}).expect(400);
    const rejected = await townAdmin.post(`/api/bookings/${res.body.id}/reject`).send({ reason: 'Hallenreinigung' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Hallenreinigung' });
    await booker.post('/api/bookings').send({ spaceId: hall.id, ...when, resourceId: hall.resourceIds[1] }).expect(201);
  });

  it('lets the booker cancel before the deadline, not after; admins any time with a reason', async () => {
    const early = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(5, 10) }).expect(201);
    const cancelled = await booker.post(`/api/bookings/${early.body.id}/cancel`).send({}).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await booker.post(`/api/bookings/${early.body.id}/cancel`).send({}).expect(409)).body.error.code).toBe('invalid_transition');

    // Two days ahead is always inside a 72-hour deadline, whatever the time of day the test runs.
    await t.db.dataSource.query(`UPDATE spaces SET cancellation_deadline_hours = 72 WHERE id = $1`, [desks.id]);
    const tomorrow = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(2, 9) }).expect(201);
    expect((await booker.post(`/api/bookings/${tomorrow.body.id}/cancel`).send({}).expect(422)).body.error.code).toBe('cancellation_deadline_passed');
    await townAdmin.post(`/api/bookings/${tomorrow.body.id}/cancel`).send({}).expect(400);
    await townAdmin.post(`/api/bookings/${tomorrow.body.id}/cancel`).send({ reason: 'Wasserschaden' }).expect(200);
    await stranger.post(`/api/bookings/${tomorrow.body.id}/cancel`).send({ reason: 'x' }).expect(404);
    await t.db.dataSource.query(`UPDATE spaces SET cancellation_deadline_hours = 24 WHERE id = $1`, [desks.id]);
  });

  it('expires unanswered requests and frees their slot', async () => {
    const when = slot(7, 14, 2);
    const res = await booker.post('/api/bookings').send({ spaceId: hall.id, resourceId: hall.resourceIds[0], ...when }).expect(201);
    await t.db.dataSource.query(`UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = $1`, [res.body.id]);
    expect(await expirePendingBookings(t.db.dataSource)).toBe(1);
    expect(await expirePendingBookings(t.db.dataSource)).toBe(0);
    expect((await booker.get(`/api/bookings/${res.body.id}`).expect(200)).body.status).toBe('expired');
    await booker.post('/api/bookings').send({ spaceId: hall.id, resourceId: hall.resourceIds[0], ...when }).expect(201);
  });

  it('lets a request expire at its start when that comes first, and refuses to approve an overdue one', async () => {
    const soon = await booker.post('/api/bookings').send({ spaceId: hall.id, resourceId: hall.resourceIds[0], ...slot(1, 9) }).expect(201);
    expect(DateTime.fromISO(soon.body.expiresAt).toMillis()).toBe(DateTime.fromISO(soon.body.start).toMillis());
    await t.db.dataSource.query(`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.body.id]);
    expect((await townAdmin.post(`/api/bookings/${soon.body.id}/approve`).send({}).expect(409)).body.error.code).toBe('invalid_transition');
  });

  it('answers a retried POST with the first answer, and refuses the key for another request', async () => {
    const body = { spaceId: desks.id, resourceId: desks.resourceIds[1], ...slot(8, 9) };
    const first = await booker.post('/api/bookings').set('Idempotency-Key', 'key-booking-0001').send(body).expect(201);
    const again = await booker.post('/api/bookings').set('Idempotency-Key', 'key-booking-0001').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect((await booker.post('/api/bookings').set('Idempotency-Key', 'key-booking-0001').send({ ...body, purpose: 'anders' }).expect(422)).body.error.code).toBe('idempotency_key_reused');
    const conflict = await stranger.post('/api/bookings').set('Idempotency-Key', 'key-booking-0002').send(body).expect(409);
    const replay = await stranger.post('/api/bookings').set('Idempotency-Key', 'key-booking-0002').send(body).expect(409);
    expect(replay.body).toEqual(conflict.body);
    await booker.post('/api/bookings').set('Idempotency-Key', 'kurz').send(body).expect(400);
  });

  it('needs a verified address, one’s own organization and a bookable resource', async () => {
    const unverified = await createUser(t.db.dataSource, { verified: false });
    await (await signIn(t.app, unverified.email)).post('/api/bookings').send({ spaceId: desks.id, ...slot(9, 9) }).expect(403);
    expect((await stranger.post('/api/bookings').send({ spaceId: desks.id, ...slot(9, 9), organizationId: club }).expect(422)).body.error.code).toBe('not_a_member');
    await t.db.dataSource.query(`UPDATE resources SET active = false WHERE id = $1`, [desks.resourceIds[1]]);
    expect((await booker.post('/api/bookings').send({ spaceId: desks.id, resourceId: desks.resourceIds[1], ...slot(9, 9) }).expect(422)).body.error.code).toBe('resource_unavailable');
    await t.db.dataSource.query(`UPDATE resources SET active = true WHERE id = $1`, [desks.resourceIds[1]]);
    expect((await booker.post('/api/bookings').send({ spaceId: hall.id, ...slot(9, 15), attendees: 91, resourceId: hall.resourceIds[0] }).expect(422)).body.error.code).toBe('capacity_exceeded');
    // Without a resource, a one-room space books its room: here the whole hall with all its parts.
    expect((await booker.post('/api/bookings').send({ spaceId: hall.id, ...slot(9, 15) }).expect(201)).body.resource.id).toBe(hall.resourceIds[0]);
  });

  it('reaches each rule code through HTTP', async () => {
    const cases: [object, string][] = [
      [{ spaceId: desks.id, ...slot(-1, 9) }, 'in_the_past'],
      [{ spaceId: desks.id, ...slot(10, 6) }, 'outside_opening_hours'],
      [{ spaceId: desks.id, ...slot(200, 9) }, 'beyond_horizon'],
      [{ spaceId: desks.id, start: slot(10, 9).start.replace(':00:00', ':10:00'), end: slot(10, 10).start }, 'off_slot_grid'],
      [{ spaceId: desks.id, ...slot(10, 8, 12) }, 'outside_opening_hours'],
    ];
    for (const [body, code] of cases) expect((await booker.post('/api/bookings').send(body)).body.error?.code, code).toBe(code);
    await t.db.dataSource.query(`UPDATE spaces SET min_duration_minutes = 120, max_duration_minutes = 240, lead_time_minutes = 2880 WHERE id = $1`, [desks.id]);
    expect((await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(11, 9, 1) })).body.error.code).toBe('duration_too_short');
    expect((await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(11, 9, 5) })).body.error.code).toBe('duration_too_long');
    expect((await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(1, 9, 2) })).body.error.code).toBe('lead_time_not_met');
    await t.db.dataSource.query(`UPDATE spaces SET min_duration_minutes = 30, max_duration_minutes = 720, lead_time_minutes = 0 WHERE id = $1`, [desks.id]);
    const closedDay = DateTime.now().setZone('Europe/Berlin').plus({ days: 12 }).toISODate();
    await t.db.dataSource.query(`INSERT INTO closures (space_id, starts_on, ends_on) VALUES ($1, $2, $2)`, [desks.id, closedDay]);
    expect((await booker.post('/api/bookings').send({ spaceId: desks.id, date: closedDay })).body.error.code).toBe('space_closed');
  });

  it('shows a booking to its booker, the space’s people and the club’s admins only', async () => {
    const res = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(13, 9), organizationId: club }).expect(201);
    await booker.get(`/api/bookings/${res.body.id}`).expect(200);
    await townStaff.get(`/api/bookings/${res.body.id}`).expect(200);
    await stranger.get(`/api/bookings/${res.body.id}`).expect(404);
    await request(t.app).get(`/api/bookings/${res.body.id}`).expect(401);
    const mine = await stranger.get('/api/bookings').expect(200);
    expect(mine.body.items.map((b: { id: string }) => b.id)).not.toContain(res.body.id);
  });
});
