import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { bookingMailHandlers } from '../notifications/booking-mails';
import { createMailer, type Mailer } from '../notifications/mailer';
import { deliverDue } from '../notifications/outbox';
import { enqueueOverdueKeyReminders, keyOverdueMailHandlers } from './key-overdue';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let town: string;
let hall: SpaceFixture;
let staffed: SpaceFixture;
let bookerId: string;
let booker: Agent;
let townAdmin: Agent;
let townMember: Agent;
let outsider: Agent;
let mailer: Mailer;

const at = (hoursFromNow: number, length = 2) => {
  const start = DateTime.now().plus({ hours: hoursFromNow }).startOf('hour');
  return { start: start.toISO()!, end: start.plus({ hours: length }).toISO()! };
};
const book = (space: SpaceFixture, when: { start: string; end: string }) =>
  createBookingClaims(t.db.dataSource, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], ...when, bookerId });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  town = await createOrganization(db, 'municipality', 'Stadt Schlüsselberg');
  hall = await createSpace(db, town, { room: { capacity: 60 }, name: 'Heimathaus Vereinsraum', holidaysClosed: false });
  staffed = await createSpace(db, town, { room: { capacity: 20 }, name: 'Bürgerbüro Besprechung', holidaysClosed: false });
  await db.query(`UPDATE spaces SET access_mode = 'key_handover', key_place = 'Rathaus Billerbeck, Bürgerbüro, Markt 1', key_pickup_hours_before = 3, key_return_hours_after = 1 WHERE id = $1`, [hall.id]);
  const user = await createUser(db, { name: 'Clara Mitglied', email: 'clara@example.org' });
  bookerId = user.id;
  const admin = await createUser(db, { name: 'Frank Liegenschaften' });
  const member = await createUser(db, { name: 'Hausmeister Schulte' });
  const stranger = await createUser(db);
  await addMember(db, admin.id, town, 'admin');
  await addMember(db, member.id, town, 'member');
  booker = await signIn(t.app, user.email);
  townAdmin = await signIn(t.app, admin.email);
  townMember = await signIn(t.app, member.email);
  outsider = await signIn(t.app, stranger.email);
  mailer = createMailer({ smtpUrl: undefined, from: 'Landräume <noreply@example.org>', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL });
});
afterAll(async () => {
  await t?.close();
});

describe('key handover', () => {
  it('tells the booker in the confirmation mail and in the booking where and when to fetch and return the key', async () => {
    const slot = DateTime.now().setZone('Europe/Berlin').plus({ days: 4 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 });
    const created = await booker.post('/api/bookings').send({ spaceId: hall.id, start: slot.toISO(), end: slot.plus({ hours: 2 }).toISO() }).expect(201);
    await deliverDue(t.db.dataSource, bookingMailHandlers({ db: t.db.dataSource, mailer, publicUrl: TEST_PUBLIC_URL, fromAddress: 'noreply@example.org' }), silentLogger);
    const mail = (await t.mails()).find((m) => m.to === 'clara@example.org')!;
    expect(mail.text).toContain('Schlüssel: abholen ab');
    expect(mail.text).toContain(`${slot.minus({ hours: 3 }).toFormat('HH:mm')} Uhr bei: Rathaus Billerbeck, Bürgerbüro, Markt 1`);
    expect(mail.text).toContain(`zurückgeben bis ${slot.plus({ hours: 3 }).setLocale('de-DE').toFormat("d. LLLL, HH:mm 'Uhr'")}`);

    const access = await booker.get(`/api/bookings/${created.body.id}/access`).expect(200);
    expect(access.body).toMatchObject({ mode: 'key_handover', code: null, key: { place: 'Rathaus Billerbeck, Bürgerbüro, Markt 1', outAt: null, backAt: null } });
    expect(DateTime.fromISO(access.body.key.pickupFrom).toMillis()).toBe(slot.minus({ hours: 3 }).toMillis());
    expect(DateTime.fromISO(access.body.key.returnBy).toMillis()).toBe(slot.plus({ hours: 3 }).toMillis());
    // The managers see the booking, but the booker's access page is the booker's.
    await townAdmin.get(`/api/bookings/${created.body.id}/access`).expect(404);
    await outsider.get(`/api/bookings/${created.body.id}/access`).expect(404);
  });

  it('is recorded out and back by the organization’s staff only, each step once and in order, with who and when', async () => {
    const id = await book(hall, at(30));
    expect((await townAdmin.post(`/api/bookings/${id}/key-back`).send({}).expect(409)).body.error.code).toBe('key_not_out');
    expect((await booker.post(`/api/bookings/${id}/key-out`).send({}).expect(403)).body.error.code).toBe('forbidden');
    await outsider.post(`/api/bookings/${id}/key-out`).send({}).expect(404);

    const out = await townMember.post(`/api/bookings/${id}/key-out`).send({}).expect(200);
    expect(out.body).toMatchObject({ bookingId: id, state: 'out', outBy: 'Hausmeister Schulte', backAt: null });
    expect((await townAdmin.post(`/api/bookings/${id}/key-out`).send({}).expect(409)).body.error.code).toBe('key_already_out');
    // The key fetched is a check-in: no-show release must leave the booking alone.
    const [{ checked_in_at: checkedIn }] = await t.db.dataSource.query(`SELECT checked_in_at FROM bookings WHERE id = $1`, [id]);
    expect(checkedIn).not.toBeNull();

    const back = await townAdmin.post(`/api/bookings/${id}/key-back`).send({}).expect(200);
    expect(back.body).toMatchObject({ state: 'returned', outBy: 'Hausmeister Schulte', backBy: 'Frank Liegenschaften' });
    expect(DateTime.fromISO(back.body.backAt) >= DateTime.fromISO(back.body.outAt)).toBe(true);
    expect((await townMember.post(`/api/bookings/${id}/key-back`).send({}).expect(409)).body.error.code).toBe('key_already_returned');

    const audit = await t.db.dataSource.query(`SELECT action, actor_user_id FROM audit_events WHERE subject_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['booking.key_out', 'booking.key_back']);
    expect(new Set(audit.map((a: { actor_user_id: string }) => a.actor_user_id)).size).toBe(2);
    expect((await booker.get(`/api/bookings/${id}/access`).expect(200)).body.key).toMatchObject({ outAt: out.body.outAt, backAt: back.body.backAt });
  });

  it('refuses keys for spaces without key handover and for bookings that are not confirmed', async () => {
    const plain = await book(staffed, at(50));
    expect((await townAdmin.post(`/api/bookings/${plain}/key-out`).send({}).expect(422)).body.error.code).toBe('no_key_handover');
    const cancelled = await book(hall, at(54));
    await townAdmin.post(`/api/bookings/${cancelled}/cancel`).send({ reason: 'Wasserschaden' }).expect(200);
    expect((await townAdmin.post(`/api/bookings/${cancelled}/key-out`).send({}).expect(409)).body.error.code).toBe('invalid_transition');
  });

  it('shows the key board: to hand out, out, and overdue keys whatever the window', async () => {
    const upcoming = await book(hall, at(6));
    const late = await book(hall, { start: DateTime.now().minus({ hours: 30 }).toISO()!, end: DateTime.now().minus({ hours: 28 }).toISO()! });
    await townAdmin.post(`/api/bookings/${late}/key-out`).send({}).expect(200);

    const board = await townMember.get(`/api/organizations/${town}/keys`).expect(200);
    const stateOf = (id: string) => board.body.items.find((i: { bookingId: string }) => i.bookingId === id)?.state;
    expect(stateOf(upcoming)).toBe('to_hand_out');
    expect(stateOf(late)).toBe('overdue');
    expect(board.body.items.find((i: { bookingId: string }) => i.bookingId === upcoming)).toMatchObject({ booker: { name: 'Clara Mitglied' }, keyPlace: 'Rathaus Billerbeck, Bürgerbüro, Markt 1', space: { name: 'Heimathaus Vereinsraum' } });
    expect(board.body.items.every((i: { space: { id: string } }) => i.space.id === hall.id)).toBe(true);

    const nextMonth = DateTime.now().setZone('Europe/Berlin').plus({ days: 40 }).toISODate();
    const later = await townMember.get(`/api/organizations/${town}/keys`).query({ date: nextMonth }).expect(200);
    expect(later.body.items.map((i: { bookingId: string }) => i.bookingId)).toContain(late);
    expect(later.body.items.map((i: { bookingId: string }) => i.bookingId)).not.toContain(upcoming);

    await outsider.get(`/api/organizations/${town}/keys`).expect(404);
    await booker.get(`/api/organizations/${town}/keys`).expect(404);
  });

  it('reminds the booker of an overdue key exactly once, and not after it came back', async () => {
    const db = t.db.dataSource;
    const overdue = await book(hall, { start: DateTime.now().minus({ hours: 10 }).toISO()!, end: DateTime.now().minus({ hours: 8 }).toISO()! });
    const returned = await book(hall, { start: DateTime.now().minus({ hours: 14 }).toISO()!, end: DateTime.now().minus({ hours: 12 }).toISO()! });
    const notYetDue = await book(hall, { start: DateTime.now().minus({ hours: 2 }).toISO()!, end: DateTime.now().minus({ minutes: 30 }).toISO()! });
    for (const id of [overdue, returned, notYetDue]) await townAdmin.post(`/api/bookings/${id}/key-out`).send({}).expect(200);
    await townAdmin.post(`/api/bookings/${returned}/key-back`).send({}).expect(200);
    await db.query(`DELETE FROM outbox_jobs`);
    const before = (await t.mails()).length;

    // The earlier test's late key is overdue too; both get their one reminder.
    const first = await enqueueOverdueKeyReminders(db);
    expect(await enqueueOverdueKeyReminders(db)).toBe(0);
    const keys = (await db.query(`SELECT key FROM outbox_jobs WHERE kind = 'access.key_overdue'`)).map((j: { key: string }) => j.key);
    expect(keys).toContain(`${overdue}:access.key_overdue`);
    expect(keys).not.toContain(`${returned}:access.key_overdue`);
    expect(keys).not.toContain(`${notYetDue}:access.key_overdue`);
    expect(keys).toHaveLength(first);

    const handlers = keyOverdueMailHandlers({ db, mailer, publicUrl: TEST_PUBLIC_URL });
    expect(await deliverDue(db, handlers, silentLogger)).toBe(first);
    expect(await enqueueOverdueKeyReminders(db)).toBe(0);
    expect(await deliverDue(db, handlers, silentLogger)).toBe(0);
    const reminders = (await t.mails()).slice(before).filter((m) => m.subject.startsWith('Bitte Schlüssel zurückgeben'));
    expect(reminders).toHaveLength(first);
    expect(reminders[0]!.to).toBe('clara@example.org');
    expect(reminders[0]!.text).toContain('Rathaus Billerbeck, Bürgerbüro, Markt 1');
  });

  it('answers bad input with 400 or 404, never 500', async () => {
    const id = await book(hall, at(80));
    await townAdmin.post('/api/bookings/not-a-uuid/key-out').send({}).expect(400);
    await townAdmin.post('/api/bookings/00000000-0000-4000-8000-000000000000/key-out').send({}).expect(404);
    await townAdmin.post(`/api/bookings/${id}/key-out`).send({ outAt: '2020-01-01T00:00:00Z' }).expect(400);
    await townAdmin.post(`/api/bookings/${id}/key-back`).send([]).expect(400);
    await booker.get('/api/bookings/not-a-uuid/access').expect(400);
    const board = (query: Record<string, string>) => townAdmin.get(`/api/organizations/${town}/keys`).query(query);
    await board({ date: '2026-02-30' }).expect(400);
    await board({ from: '2026-12-01T00:00:00+01:00' }).expect(400);
    await board({ from: '2026-12-01T00:00:00+01:00', to: '2027-03-01T00:00:00+01:00' }).expect(400);
    await board({ from: '2026-12-02T00:00:00+01:00', to: '2026-12-01T00:00:00+01:00' }).expect(400);
    await board({ date: '2026-12-01', from: '2026-12-01T00:00:00+01:00', to: '2026-12-02T00:00:00+01:00' }).expect(400);
    await board({ spaceId: 'x' }).expect(400);
    await board({ unknown: '1' }).expect(400);
    await townAdmin.get('/api/organizations/00000000-0000-4000-8000-000000000000/keys').expect(404);
  });
});
