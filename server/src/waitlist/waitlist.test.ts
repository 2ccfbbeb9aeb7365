import { DateTime } from 'luxon';
import type { QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseNoShows } from '../checkin/no-show.job';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { createMailer } from '../notifications/mailer';
import { deliverDue } from '../notifications/outbox';
import { outboxHandlers } from '../worker/jobs';
import { releaseSlots } from '../bookings/release-slots';
import { lapseOffers } from './waitlist-offers';
import { lockWaitlist } from './waitlist-hooks';

// The waitlist over HTTP against PostgreSQL: a freed slot goes to the first in line as a hold
// (a `held` booking whose claims the exclusion constraint enforces) or as a booking made for
// them; a hold lapses to the next; racing for a freed slot leaves exactly one winner.
type Agent = Awaited<ReturnType<typeof signIn>>;
interface Person {
  id: string;
  email: string;
  agent: Agent;
}
let t: TestApp;
let desks: SpaceFixture;
let room: SpaceFixture;
let admin: Agent;
const people: Person[] = [];

const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.dataSource.query(text, params) as Promise<T[]>;
let day = 2;
/** A fresh two-hour slot on its own day, so tests do not meet each other's bookings. */
const freshSlot = (hours = 2) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: day++ }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours }).toISO()! };
};
const deliver = () =>
  deliverDue(t.db.dataSource, outboxHandlers({ db: t.db.dataSource, mailer: createMailer({ smtpUrl: undefined, from: 'noreply@landraeume.test', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL }), publicUrl: TEST_PUBLIC_URL, mailFrom: 'noreply@landraeume.test' }), silentLogger);
const mailsTo = async (person: Person) => (await t.mails()).filter((m) => m.to.includes(person.email.toLowerCase()));
const entriesOf = async (person: Person) => (await person.agent.get('/api/me/waitlist').expect(200)).body.items as { id: string; status: string; position: number | null; heldUntil: string | null; bookingId: string | null; failure: string | null }[];
const activeClaimsOn = async (unitId: string, slot: { start: string; end: string }) =>
  (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM booking_claims WHERE unit_id = $1 AND active AND period && tstzrange($2::timestamptz, $3::timestamptz)`, [unitId, slot.start, slot.end]))[0]!.n;

async function person(): Promise<Person> {
  const user = await createUser(t.db.dataSource);
  const p = { id: user.id, email: user.email, agent: await signIn(t.app, user.email) };
  people.push(p);
  return p;
}

/** Books the room for `who` and returns the booking id. */
const bookRoom = async (who: Person, slot: { start: string; end: string }) => (await who.agent.post('/api/bookings').send({ spaceId: room.id, ...slot }).expect(201)).body.id as string;
const join = (who: Person, slot: { start: string; end: string }, extra: Record<string, unknown> = {}) => who.agent.post('/api/waitlist').send({ spaceId: room.id, ...slot, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Warteliste');
  room = await createSpace(db, town, { kind: 'meeting_room', room: { capacity: 10 }, opening: allDay, holidaysClosed: false });
  desks = await createSpace(db, town, { desks: 1, opening: allDay, holidaysClosed: false });
  await db.query(`UPDATE spaces SET cancellation_deadline_hours = 0, horizon_days = 730 WHERE id = ANY($1::uuid[])`, [[room.id, desks.id]]);
  const a = await createUser(db);
  await addMember(db, a.id, town, 'admin');
  admin = await signIn(t.app, a.email);
});
afterAll(async () => {
  await t?.close();
});

describe('joining', () => {
  it('only for a taken slot, once, and lists the place in line', async () => {
    const [holder, first, second] = [await person(), await person(), await person()];
    const slot = freshSlot();
    expect((await join(first, slot).expect(409)).body.error.code).toBe('waitlist_slot_free');
    await bookRoom(holder, slot);
    const joined = await join(first, slot).expect(201);
    expect(joined.body).toMatchObject({ status: 'waiting', position: 1, autoBook: false });
    expect((await join(first, slot).expect(409)).body.error.code).toBe('conflict');
    await join(second, slot, { autoBook: true }).expect(201);
    expect((await entriesOf(second))[0]).toMatchObject({ status: 'waiting', position: 2 });
    // Someone else's entry does not exist for them.
    await second.agent.delete(`/api/waitlist/${joined.body.id}`).expect(404);
    await second.agent.post(`/api/waitlist/${joined.body.id}/accept`).expect(404);
    expect((await join(first, { start: slot.start, end: DateTime.fromISO(slot.start).plus({ minutes: 7 }).toISO()! }).expect(422)).body.error.code).toBe('off_slot_grid');
    // Hostile input answers 400, never 500.
    expect((await join(first, { start: slot.end, end: slot.start }).expect(400)).body.error.code).toBe('invalid_input');
    await join(first, slot, { autoBook: 'yes' }).expect(400);
    await join(first, slot, { userId: holder.id }).expect(400);
    await first.agent.post('/api/waitlist/not-a-uuid/accept').expect(400);
    await first.agent.delete(`/api/waitlist/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).expect(404);
  });
});

describe('a freed slot', () => {
  it('is held for the first in line after a no-show release, blocks others, and becomes theirs on accept', async () => {
    const [noShow, first, second, outsider] = [await person(), await person(), await person(), await person()];
    // The desk is taken now by someone who will not turn up; the rest of the booking is wanted.
    await sql(`UPDATE spaces SET no_show_grace_minutes = 30 WHERE id = $1`, [desks.id]);
    const desk = desks.resourceIds[0]!;
    const now = DateTime.now().setZone('Europe/Berlin');
    const booked = { start: now.minus({ minutes: 40 }).toISO()!, end: now.plus({ hours: 3 }).toISO()! };
    const missed = await createBookingClaims(t.db.dataSource, { spaceId: desks.id, resourceId: desk, unitIds: [desk], ...booked, bookerId: noShow.id });
    const nextHalfHour = now.plus({ minutes: 30 - (now.minute % 30) }).startOf('minute');
    const wanted = { start: nextHalfHour.plus({ minutes: 30 }).toISO()!, end: nextHalfHour.plus({ minutes: 90 }).toISO()! };
    const entry = (await first.agent.post('/api/waitlist').send({ spaceId: desks.id, resourceId: desk, ...wanted }).expect(201)).body;
    await second.agent.post('/api/waitlist').send({ spaceId: desks.id, resourceId: desk, ...wanted }).expect(201);

    // Two workers release at once: one release, one offer job.
    const released = await Promise.all([releaseNoShows(t.db.dataSource), releaseNoShows(t.db.dataSource)]);
    expect(released.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sql(`SELECT kind FROM outbox_jobs WHERE kind = 'waitlist.slot_freed' AND payload->>'bookingId' = $1`, [missed])).toHaveLength(1);
    await deliver();
    await deliver();

    const [offered] = await entriesOf(first);
    expect(offered).toMatchObject({ status: 'offered', position: null });
    expect(offered!.heldUntil).not.toBeNull();
    expect((await entriesOf(second))[0]).toMatchObject({ status: 'waiting', position: 1 });
    const offerMails = await mailsTo(first);
    expect(offerMails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Platz frei geworden/)]);
    expect((await mailsTo(noShow)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Buchung freigegeben/)]);
    // Delivering again sends nothing twice.
    await deliver();
    expect(await mailsTo(first)).toHaveLength(1);

    // The hold is a claim: nobody else can book the slot, and it is not in anyone's booking list.
    expect((await outsider.agent.post('/api/bookings').send({ spaceId: desks.id, resourceId: desk, ...wanted }).expect(409)).body.error.code).toBe('booking_conflict');
    expect((await first.agent.get('/api/bookings').expect(200)).body.items).toEqual([]);
    await second.agent.post(`/api/waitlist/${entry.id}/accept`).expect(404);

    const accepted = await first.agent.post(`/api/waitlist/${entry.id}/accept`).expect(200);
    expect(accepted.body.entry.status).toBe('booked');
    expect(accepted.body.booking).toMatchObject({ status: 'confirmed', resource: { id: desk }, booker: { id: first.id } });
    expect((await first.agent.get('/api/bookings').expect(200)).body.items.map((b: { id: string }) => b.id)).toEqual([accepted.body.booking.id]);
    expect((await first.agent.post(`/api/waitlist/${entry.id}/accept`).expect(409)).body.error.code).toBe('invalid_transition');
    await deliver();
    expect((await mailsTo(first)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Platz frei/), expect.stringMatching(/^Buchung bestätigt/)]);
    expect(await activeClaimsOn(desk, wanted)).toBe(1);
  });

  it('passes a lapsed hold on to the next in line, exactly once with two workers', async () => {
    const [holder, first, second] = [await person(), await person(), await person()];
    const slot = freshSlot();
    const booking = await bookRoom(holder, slot);
    const firstEntry = (await join(first, slot).expect(201)).body;
    await join(second, slot).expect(201);
    await holder.agent.post(`/api/bookings/${booking}/cancel`).send({}).expect(200);
    await deliver();
    const held = (await entriesOf(first))[0]!;
    expect(held.status).toBe('offered');

    await sql(`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = $1`, [held.bookingId]);
    // Past its time the offer cannot be accepted, even before the job has come round.
    expect((await first.agent.post(`/api/waitlist/${firstEntry.id}/accept`).expect(409)).body.error.code).toBe('invalid_transition');
    const lapsed = await Promise.all([lapseOffers(t.db.dataSource), lapseOffers(t.db.dataSource)]);
    expect(lapsed.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await entriesOf(first))[0]!.status).toBe('lapsed');
    await deliver();
    await deliver();
    expect((await entriesOf(second))[0]!.status).toBe('offered');
    expect((await mailsTo(second)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Platz frei/)]);
    expect(await activeClaimsOn(room.resourceIds[0]!, slot)).toBe(1);
  });

  it('is booked straight away for those who asked, and a broken rule passes it to the next', async () => {
    const [holder, tooLong, auto, later] = [await person(), await person(), await person(), await person()];
    const slot = freshSlot(4);
    const booking = await bookRoom(holder, slot);
    await join(tooLong, slot, { autoBook: true }).expect(201);
    const short = { start: slot.start, end: DateTime.fromISO(slot.start).plus({ hours: 2 }).toISO()! };
    await join(auto, short, { autoBook: true }).expect(201);
    await join(later, short).expect(201);
    // The space now allows at most three hours: the first in line's four no longer fit.
    await sql(`UPDATE spaces SET max_duration_minutes = 180 WHERE id = $1`, [room.id]);
    await holder.agent.post(`/api/bookings/${booking}/cancel`).send({}).expect(200);
    await deliver();
    await deliver();
    expect((await entriesOf(tooLong))[0]).toMatchObject({ status: 'failed', failure: 'duration_too_long' });
    const made = (await entriesOf(auto))[0]!;
    expect(made.status).toBe('booked');
    const mine = (await auto.agent.get('/api/bookings').expect(200)).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: made.bookingId, status: 'confirmed' })]);
    expect((await mailsTo(auto)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Buchung bestätigt/)]);
    // Taken again, so the next one keeps waiting rather than failing.
    expect((await entriesOf(later))[0]).toMatchObject({ status: 'waiting', position: 1 });
    await sql(`UPDATE spaces SET max_duration_minutes = DEFAULT WHERE id = $1`, [room.id]);
  });

  it('given back by leaving the line goes on to the next at once', async () => {
    const [holder, first, second] = [await person(), await person(), await person()];
    const slot = freshSlot();
    const booking = await bookRoom(holder, slot);
    const entry = (await join(first, slot).expect(201)).body;
    await join(second, slot).expect(201);
    await admin.post(`/api/bookings/${booking}/cancel`).send({ reason: 'Hausmeister krank' }).expect(200);
    await deliver();
    expect((await entriesOf(first))[0]!.status).toBe('offered');
    await first.agent.delete(`/api/waitlist/${entry.id}`).expect(204);
    expect(await entriesOf(first)).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    await deliver();
    expect((await entriesOf(second))[0]!.status).toBe('offered');
    await first.agent.delete(`/api/waitlist/${entry.id}`).expect(409);
  });
});

describe('erasing an account', () => {
  it('exports one’s waitlist entries, and on erasure passes a held slot on to the next in line', async () => {
    const [holder, first, second] = [await person(), await person(), await person()];
    const slot = freshSlot();
    const booking = await bookRoom(holder, slot);
    await join(first, slot).expect(201);
    await join(second, slot).expect(201);
    const exported = await first.agent.get('/api/me/export').expect(200);
    expect(exported.body.waitlist).toEqual([expect.objectContaining({ status: 'waiting', auto_book: false })]);
    await holder.agent.post(`/api/bookings/${booking}/cancel`).send({}).expect(200);
    await deliver();
    expect((await entriesOf(first))[0]!.status).toBe('offered');
    await first.agent.delete('/api/me').expect(204);
    expect(await sql(`SELECT 1 FROM waitlist_entries WHERE user_id = $1`, [first.id])).toEqual([]);
    await deliver();
    expect((await entriesOf(second))[0]!.status).toBe('offered');
    expect(await activeClaimsOn(room.resourceIds[0]!, slot)).toBe(1);
  });
});

describe('racing for a freed slot', () => {
  it('leaves exactly one of two parallel bookers with it', async () => {
    const [holder, a, b] = [await person(), await person(), await person()];
    const slot = freshSlot();
    const booking = await bookRoom(holder, slot);
    await holder.agent.post(`/api/bookings/${booking}/cancel`).send({}).expect(200);
    const answers = await Promise.all([a, b].map((p) => p.agent.post('/api/bookings').send({ spaceId: room.id, ...slot })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await activeClaimsOn(room.resourceIds[0]!, slot)).toBe(1);
  });

  it('leaves exactly one winner between a walk-in booker and the waitlist’s offer', async () => {
    const [holder, waiting, walkIn] = [await person(), await person(), await person()];
    const slot = freshSlot();
    const booking = await bookRoom(holder, slot);
    await join(waiting, slot).expect(201);
    await holder.agent.post(`/api/bookings/${booking}/cancel`).send({}).expect(200);
    const [walked] = await Promise.all([walkIn.agent.post('/api/bookings').send({ spaceId: room.id, ...slot }), deliver()]);
    await deliver();
    const offered = (await entriesOf(waiting))[0]!.status === 'offered';
    expect(walked.status).toBe(offered ? 409 : 201);
    expect((await entriesOf(waiting))[0]!.status).toBe(offered ? 'offered' : 'waiting');
    expect(await activeClaimsOn(room.resourceIds[0]!, slot)).toBe(1);
  });

  /**
   * Does `first` in a transaction and sends `request` while it is still open; commits once the
   * request is answered or waits for a lock that transaction holds, and returns the answer.
   */
  async function whileUncommitted<T>(first: (qr: QueryRunner) => Promise<void>, request: () => PromiseLike<T>): Promise<T> {
    const qr = t.db.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await first(qr);
      let answered = false;
      const answer = Promise.resolve(request()).finally(() => (answered = true));
      for (let tries = 0; tries < 200 && !answered; tries++) {
        if ((await sql(`SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`)).length) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await qr.commitTransaction();
      return await answer;
    } finally {
      await qr.release();
    }
  }

  it('tells a joiner the slot is free when it was freed while they joined', async () => {
    const [holder, joiner] = [await person(), await person()];
    const slot = freshSlot();
    const booking = await bookRoom(holder, slot);
    // A cancellation in flight: its claims released and the lock taken, not yet committed.
    const cancelling = async (qr: QueryRunner) => {
      await qr.query(`UPDATE bookings SET status = 'cancelled', sequence = sequence + 1 WHERE id = $1`, [booking]);
      await releaseSlots(qr, [booking]);
    };
    const answer = await whileUncommitted(cancelling, () => join(joiner, slot));
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('waitlist_slot_free');
    expect(await entriesOf(joiner)).toEqual([]);
    await joiner.agent.post('/api/bookings').send({ spaceId: room.id, ...slot }).expect(201);
  });

  it('offers a slot freed while someone joined to them', async () => {
    const [holder, joiner] = [await person(), await person()];
    const slot = freshSlot();
    const booking = await bookRoom(holder, slot);
    // A join in flight, as the service makes it: its entry written and the lock taken, not yet committed.
    const joining = async (qr: QueryRunner) => {
      await qr.query(`INSERT INTO waitlist_entries (user_id, space_id, period, auto_book) VALUES ($1, $2, tstzrange($3::timestamptz, $4::timestamptz), false)`, [joiner.id, room.id, slot.start, slot.end]);
      await lockWaitlist(qr, room.id);
    };
    expect((await whileUncommitted(joining, () => holder.agent.post(`/api/bookings/${booking}/cancel`).send({}))).status).toBe(200);
    expect(await sql(`SELECT 1 FROM outbox_jobs WHERE kind = 'waitlist.slot_freed' AND payload->>'bookingId' = $1`, [booking])).toHaveLength(1);
    await deliver();
    expect((await entriesOf(joiner))[0]).toMatchObject({ status: 'offered' });
    expect(await activeClaimsOn(room.resourceIds[0]!, slot)).toBe(1);
  });
});
