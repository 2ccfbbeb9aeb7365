import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expirePendingBookings } from '../bookings/expiry.job';
import { createDataSource } from '../db/data-source';
import { addMember, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { SmtpSink, type ReceivedMail } from '../db/testing/smtp-sink';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { createContract } from '../db/testing/contract-fixtures';
import { outboxHandlers } from '../worker/jobs';
import { createMailer, type Mailer } from './mailer';
import { deliverDue } from './outbox';
import { enqueueDueReminders } from './reminders';

/*
 * Every mail kind through a real SMTP server on loopback, read back with mailparser and
 * node-ical, and the outage: the server is down while bookings are made, comes back, and each
 * confirmation arrives exactly once, with one worker or two.
 */

type Agent = Awaited<ReturnType<typeof signIn>>;
const FROM = 'Landräume <noreply@landraeume.test>';
const sink = new SmtpSink();
let mailDir: string;
let t: TestApp;
let smtp: Mailer;
let desks: SpaceFixture;
let hall: SpaceFixture;
let booker: Agent;
let admin: Agent;
const BOOKER = 'paula.post@example.org';
const ADMIN = 'anton.amt@example.org';

const deliver = (options: { now?: Date; db?: DataSource } = {}) =>
  deliverDue(options.db ?? t.db.dataSource, outboxHandlers({ db: options.db ?? t.db.dataSource, mailer: smtp, publicUrl: TEST_PUBLIC_URL, mailFrom: 'noreply@landraeume.test' }), silentLogger, { now: options.now });

const local = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' });
const slot = (days: number, hour: number) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()! };
};

function calendarOf(mail: ReceivedMail): { method: string | undefined; event: VEvent } {
  const attachment = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!attachment) throw new Error(`no calendar in "${mail.subject}"`);
  const parsed = ical.sync.parseICS(attachment.content.toString('utf8'));
  const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as VEvent;
  return { method: parsed.vcalendar?.method, event };
}

const lastTo = (address: string) => sink.to(address).at(-1)!;

beforeAll(async () => {
  await sink.start();
  mailDir = mkdtempSync(path.join(tmpdir(), 'landraeume-smtp-'));
  smtp = createMailer({ smtpUrl: sink.url, from: FROM, dataDir: mailDir, publicUrl: TEST_PUBLIC_URL });
  t = await createTestApp({ mailer: smtp });
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Postweg');
  desks = await createSpace(db, town, { desks: 6, name: 'Coworking Postweg', holidaysClosed: false });
  hall = await createSpace(db, town, { room: { capacity: 80 }, approval: 'required', name: 'Bürgerhaus Postweg', holidaysClosed: false });
  await db.query(`UPDATE spaces SET horizon_days = 400, access_instructions = 'Schlüssel im Rathaus, Zimmer 4' WHERE id = ANY($1::uuid[])`, [[desks.id, hall.id]]);
  await createUser(db, { name: 'Paula Post', email: BOOKER });
  await createUser(db, { name: 'Anton Amt', email: ADMIN, locale: 'en' });
  await addMember(db, (await db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN]))[0].id, town, 'admin');
  booker = await signIn(t.app, BOOKER);
  admin = await signIn(t.app, ADMIN);
});
afterAll(async () => {
  await t?.close();
  await sink.stop();
  rmSync(mailDir, { recursive: true, force: true });
});

describe('mails over SMTP', () => {
  it('sends the verification mail of a new account in its language', async () => {
    await request(t.app).post('/api/auth/register').send({ email: 'neu.im.kreis@example.org', password: 'Sonnenblumenfeld-7', name: 'Nele Neu', locale: 'en' }).expect(201);
    const mail = lastTo('neu.im.kreis@example.org');
    expect(mail.subject).toMatch(/confirm/i);
    expect(mail.parsed.text).toContain(`${TEST_PUBLIC_URL}/konto/bestaetigen?token=`);
  });

  it('confirms a booking on the spring DST day with an .ics in Europe/Berlin, and cancels it with the same UID', async () => {
    const booking = await booker.post('/api/bookings').send({ spaceId: desks.id, start: '2027-03-28T10:00:00+02:00', end: '2027-03-28T12:00:00+02:00' }).expect(201);
    expect(await deliver()).toBe(1);
    const confirmation = lastTo(BOOKER);
    expect(confirmation.subject).toBe('Buchung bestätigt: Coworking Postweg');
    expect(confirmation.parsed.from?.value).toEqual([{ name: 'Landräume', address: 'noreply@landraeume.test' }]);
    expect(confirmation.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    expect(confirmation.parsed.date).toBeInstanceOf(Date);
    expect(confirmation.parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(confirmation.parsed.text).toContain('Sonntag, 28. März 2027, 10:00–12:00');
    expect(confirmation.parsed.text).toContain('Schlüssel im Rathaus, Zimmer 4');
    const request_ = calendarOf(confirmation);
    expect(request_.method).toBe('REQUEST');
    expect(request_.event.uid).toBe(`${booking.body.id}@localhost`);
    expect(Number(request_.event.sequence)).toBe(0);
    expect(request_.event.start.tz).toBe('Europe/Berlin');
    // 10:00 on the day the clocks went forward is 08:00 UTC, not 09:00.
    expect(request_.event.start.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(request_.event.end!.toISOString()).toBe('2027-03-28T10:00:00.000Z');

    await admin.post(`/api/bookings/${booking.body.id}/cancel`).send({ reason: 'Wasserschaden im Raum' }).expect(200);
    expect(await deliver()).toBe(1);
    const cancellation = lastTo(BOOKER);
    expect(cancellation.subject).toBe('Buchung storniert: Coworking Postweg');
    expect(cancellation.parsed.text).toContain('Wasserschaden im Raum');
    expect(cancellation.parsed.text).toContain('Der Anbieter hat Ihre Buchung storniert.');
    const cancel = calendarOf(cancellation);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.event.uid).toBe(`${booking.body.id}@localhost`);
    expect(Number(cancel.event.sequence)).toBe(1);
  });

  it('acknowledges a request to the booker, tells the admins in their language, and mails the rejection and the expiry', async () => {
    const first = await booker.post('/api/bookings').send({ spaceId: hall.id, ...slot(6, 15), purpose: 'Chorprobe' }).expect(201);
    expect(await deliver()).toBe(2);
    expect(lastTo(BOOKER).subject).toBe('Anfrage eingegangen: Bürgerhaus Postweg');
    expect(lastTo(BOOKER).parsed.attachments).toEqual([]);
    const note = lastTo(ADMIN);
    expect(note.subject).toBe('New request: Bürgerhaus Postweg');
    expect(note.parsed.text).toContain('Chorprobe');

    await admin.post(`/api/bookings/${first.body.id}/reject`).send({ reason: 'Der Saal ist an dem Abend vermietet' }).expect(200);
    expect(await deliver()).toBe(1);
    expect(lastTo(BOOKER).subject).toBe('Anfrage abgelehnt: Bürgerhaus Postweg');
    expect(lastTo(BOOKER).parsed.text).toContain('Der Saal ist an dem Abend vermietet');

    const second = await booker.post('/api/bookings').send({ spaceId: hall.id, ...slot(8, 15) }).expect(201);
    await t.db.dataSource.query(`UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = $1`, [second.body.id]);
    expect(await expirePendingBookings(t.db.dataSource)).toBe(1);
    expect(await deliver()).toBe(3);
    expect(lastTo(BOOKER).subject).toBe('Anfrage abgelaufen: Bürgerhaus Postweg');
  });

  it('sends a reminder the day before, once, and none for a booking cancelled in the meantime', async () => {
    const kept = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(3, 9) }).expect(201);
    const dropped = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(3, 9) }).expect(201);
    await deliver();
    const dayBefore = local(kept.body.start).minus({ hours: 23 }).toJSDate();
    expect(await enqueueDueReminders(t.db.dataSource, { leadHours: 24, now: local(kept.body.start).minus({ hours: 25 }).toJSDate() })).toBe(0);
    expect(await enqueueDueReminders(t.db.dataSource, { leadHours: 24, now: dayBefore })).toBe(2);
    expect(await enqueueDueReminders(t.db.dataSource, { leadHours: 24, now: dayBefore })).toBe(0);
    await booker.post(`/api/bookings/${dropped.body.id}/cancel`).send({}).expect(200);
    const before = sink.to(BOOKER).length;
    await deliver({ now: dayBefore });
    const reminders = sink.to(BOOKER).slice(before).filter((m) => m.subject.startsWith('Erinnerung'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe('Erinnerung: Coworking Postweg');
    expect(reminders[0]!.parsed.text).toContain(local(kept.body.start).setLocale('de-DE').toFormat('HH:mm'));
    expect(await enqueueDueReminders(t.db.dataSource, { leadHours: 24, now: local(kept.body.start).minus({ hours: 1 }).toJSDate() })).toBe(0);
  });

  it('sends no reminder for a booking made less than a day ahead', async () => {
    const soon = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(1, 15) }).expect(201);
    const start = local(soon.body.start);
    const made = DateTime.now();
    if (start.diff(made, 'hours').hours >= 24) await t.db.dataSource.query(`UPDATE bookings SET confirmed_at = lower(period) - interval '20 hours' WHERE id = $1`, [soon.body.id]);
    expect(await enqueueDueReminders(t.db.dataSource, { leadHours: 24, now: start.minus({ hours: 2 }).toJSDate() })).toBe(0);
  });

  it('tells the employer’s admins once, in their language, when a contract quota is nearly used up', async () => {
    const db = t.db.dataSource;
    const employer = await createOrganization(db, 'employer', 'Berkel Post AG');
    await createUser(db, { name: 'Pia Personal', email: 'personal@berkel-post.example' });
    await addMember(db, (await db.query(`SELECT id FROM users WHERE email = 'personal@berkel-post.example'`))[0].id, employer, 'admin');
    await addMember(db, (await db.query(`SELECT id FROM users WHERE email = $1`, [BOOKER]))[0].id, employer, 'member');
    const contract = await createContract(db, { employerId: employer, spaceIds: [desks.id], daysPerEmployee: 1, name: 'Pilot Post' });
    await deliver();
    const booking = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(12, 9), contractId: contract }).expect(201);
    const month = DateTime.fromISO(booking.body.start, { setZone: true }).toFormat('yyyy-MM');
    expect(await deliver()).toBe(2);
    const mail = lastTo('personal@berkel-post.example');
    expect(mail.subject).toBe(`Kontingent fast aufgebraucht: Pilot Post (${month})`);
    expect(mail.parsed.text).toContain('Paula Post hat 1 / 1 Arbeitsplatz-Tage des persönlichen Kontingents genutzt.');
    expect(sink.to('personal@berkel-post.example')).toHaveLength(1);
  });

  it('sends one mail for a whole weekly series, with its RRULE', async () => {
    await deliver();
    const first = slot(14, 15);
    const series = await booker.post('/api/series').send({ spaceId: desks.id, resourceId: desks.resourceIds[5], ...first, rrule: 'FREQ=WEEKLY;COUNT=4', onConflict: 'fail' }).expect(201);
    const before = sink.to(BOOKER).length;
    expect(await deliver()).toBe(1);
    const [mail] = sink.to(BOOKER).slice(before);
    expect(mail!.subject).toContain('Coworking Postweg');
    const { method, event } = calendarOf(mail!);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe(`${series.body.series.id}@localhost`);
    expect(event.rrule?.toString()).toContain('FREQ=WEEKLY');
    expect(event.rrule?.all()).toHaveLength(4);
  });
});

describe('mail server outage', () => {
  it.each([1, 2])('delivers each confirmation exactly once after the server comes back, with %i worker(s)', async (workers) => {
    const second = createDataSource(t.db.url, { poolSize: 2 });
    await second.initialize();
    try {
      const dbs = [t.db.dataSource, second].slice(0, workers);
      await deliver();
      await sink.stop();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(20 + workers * 5 + i, 9) }).expect(201)).body.id);
      expect((await Promise.all(dbs.map((db) => deliver({ db })))).reduce((a, b) => a + b, 0)).toBe(0);
      const failed = (await t.db.dataSource.query(`SELECT attempts FROM outbox_jobs WHERE status = 'pending' AND payload->>'bookingId' = ANY($1)`, [ids])) as { attempts: number }[];
      expect(failed.map((j) => j.attempts)).toEqual([1, 1, 1, 1, 1]);

      await sink.start();
      const later = DateTime.now().plus({ minutes: 2 }).toJSDate();
      const delivered = await Promise.all(dbs.map((db) => deliver({ db, now: later })));
      expect(delivered.reduce((a, b) => a + b, 0)).toBe(5);
      expect(await deliver({ now: DateTime.now().plus({ hours: 1 }).toJSDate() })).toBe(0);
      const confirmations = sink.to(BOOKER).filter((m) => m.subject.startsWith('Buchung bestätigt') && ids.some((id) => calendarOf(m).event.uid === `${id}@localhost`));
      expect(confirmations).toHaveLength(5);
    } finally {
      await second.destroy();
    }
  });
});
