import { simpleParser } from 'mailparser';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { bookingMailHandlers } from './booking-mails';
import { createMailer, type Mail, type Mailer } from './mailer';
import { deliverDue } from './outbox';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let desks: SpaceFixture;
let hall: SpaceFixture;
let booker: Agent;
let bookerEmail: string;
let adminEmail: string;
let townAdmin: Agent;
let fileMailer: Mailer;

const slot = (days: number, hour: number) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()! };
};
const deliver = (mailer: Mailer = fileMailer) => deliverDue(t.db.dataSource, bookingMailHandlers({ db: t.db.dataSource, mailer, publicUrl: TEST_PUBLIC_URL, fromAddress: 'noreply@example.org' }), silentLogger);
const jobs = async () => (await t.db.dataSource.query(`SELECT kind, key, status, attempts, last_error FROM outbox_jobs ORDER BY id`)) as { kind: string; key: string; status: string; attempts: number; last_error: string | null }[];
async function icsOf(raw: string): Promise<string> {
  const parsed = await simpleParser(raw);
  const ics = parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!ics) throw new Error('no calendar attachment');
  // RFC 5545 folds lines at 75 octets; unfold before looking at properties.
  return ics.content.toString('utf8').replace(/\r\n[ \t]/g, '');
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Post');
  await db.query(`UPDATE organizations SET email = 'raeume@gemeinde-post.example' WHERE id = $1`, [town]);
  desks = await createSpace(db, town, { desks: 2, name: 'Coworking Post', holidaysClosed: false });
  hall = await createSpace(db, town, { room: { capacity: 50 }, approval: 'required', name: 'Saal Post', holidaysClosed: false });
  const user = await createUser(db, { name: 'Paula Post', email: 'paula@example.org' });
  const admin = await createUser(db, { name: 'Anton Amt', email: 'anton@example.org', locale: 'en' });
  await addMember(db, admin.id, town, 'admin');
  bookerEmail = user.email;
  adminEmail = admin.email;
  booker = await signIn(t.app, user.email);
  townAdmin = await signIn(t.app, admin.email);
  fileMailer = createMailer({ smtpUrl: undefined, from: 'Landräume <noreply@example.org>', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL });
});
afterAll(async () => {
  await t?.close();
});

describe('booking mails through the outbox', () => {
  it('confirms with an iCalendar REQUEST, and cancels with a CANCEL of the same UID and a higher SEQUENCE', async () => {
    const booking = await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(3, 9) }).expect(201);
    expect((await jobs()).map((j) => j.key)).toEqual([`${booking.body.id}:booking.mail:confirmed:0`]);
    expect(await deliver()).toBe(1);
    const [confirmation] = (await t.mails()).filter((m) => m.to === bookerEmail);
    expect(confirmation!.subject).toBe('Buchung bestätigt: Coworking Post');
    const request = await icsOf(confirmation!.raw);
    for (const line of [
      'METHOD:REQUEST',
      `UID:${booking.body.id}@localhost`,
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      `DTSTART;TZID=Europe/Berlin:${DateTime.fromISO(booking.body.start, { setZone: true }).toFormat("yyyyMMdd'T'HHmmss")}`,
      'GEO:51.9459;7.1675',
    ]) {
      expect(request.split('\r\n'), line).toContain(line);
    }
    expect(request).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(request).toMatch(/ORGANIZER;CN="Gemeinde Post":mailto:raeume@gemeinde-post\.example/);
    expect(request).toMatch(/ATTENDEE;[^\r\n]*CN="Paula Post"[^\r\n]*:MAILTO:paula@example\.org/i);
    expect(request).not.toMatch(/\nTIMEZONE-ID/);

    await booker.post(`/api/bookings/${booking.body.id}/cancel`).send({}).expect(200);
    expect(await deliver()).toBe(1);
    const cancellation = (await t.mails()).filter((m) => m.to === bookerEmail).at(-1)!;
    expect(cancellation.subject).toBe('Buchung storniert: Coworking Post');
    expect(cancellation.text).toContain('Sie haben Ihre Buchung storniert.');
    const cancel = (await icsOf(cancellation.raw)).split('\r\n');
    expect(cancel).toEqual(expect.arrayContaining(['METHOD:CANCEL', `UID:${booking.body.id}@localhost`, 'SEQUENCE:1', 'STATUS:CANCELLED']));
  });

  it('tells the booker a request arrived and the space’s admins that one waits, each in their language', async () => {
    const before = (await t.mails()).length;
    const request = await booker.post('/api/bookings').send({ spaceId: hall.id, ...slot(4, 10), purpose: 'Jahreshauptversammlung' }).expect(201);
    expect(await deliver()).toBe(2);
    const mails = (await t.mails()).slice(before);
    expect(mails.find((m) => m.to === bookerEmail)?.subject).toBe('Anfrage eingegangen: Saal Post');
    const note = mails.find((m) => m.to === adminEmail)!;
    expect(note.subject).toBe('New request: Saal Post');
    expect(note.text).toContain('Jahreshauptversammlung');
    expect(note.text).toContain(`${TEST_PUBLIC_URL}/anfragen`);
    await townAdmin.post(`/api/bookings/${request.body.id}/reject`).send({ reason: 'Saal wird renoviert' }).expect(200);
    await deliver();
    const rejection = (await t.mails()).filter((m) => m.to === bookerEmail).at(-1)!;
    expect(rejection.subject).toBe('Anfrage abgelehnt: Saal Post');
    expect(rejection.text).toContain('Saal wird renoviert');
    expect(rejection.html).not.toContain('<script');
  });

  it('keeps the mail when the mail server is down and sends it once it is back', async () => {
    await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(5, 9) }).expect(201);
    const down: Mailer = { send: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25')) };
    expect(await deliver(down)).toBe(0);
    const [failed] = (await jobs()).filter((j) => j.status === 'pending');
    expect(failed).toMatchObject({ attempts: 1, last_error: 'connect ECONNREFUSED 127.0.0.1:25' });
    expect(await deliver()).toBe(0);
    await t.db.dataSource.query(`UPDATE outbox_jobs SET run_at = now() WHERE status = 'pending'`);
    expect(await deliver()).toBe(1);
    expect((await jobs()).filter((j) => j.status !== 'done')).toEqual([]);
  });

  it('sends each mail once even with several workers at the same moment', async () => {
    for (let day = 6; day < 10; day++) await booker.post('/api/bookings').send({ spaceId: desks.id, ...slot(day, 9) }).expect(201);
    const sent: Mail[] = [];
    const counting: Mailer = {
      async send(mail) {
        await new Promise((r) => setTimeout(r, 20));
        sent.push(mail);
      },
    };
    const delivered = await Promise.all([deliver(counting), deliver(counting), deliver(counting)]);
    expect(delivered.reduce((a, b) => a + b, 0)).toBe(4);
    expect(sent).toHaveLength(4);
  });

  it('writes no mail for a booking that did not happen', async () => {
    const count = (await jobs()).length;
    const when = slot(12, 9);
    await booker.post('/api/bookings').send({ spaceId: desks.id, resourceId: desks.resourceIds[0], ...when }).expect(201);
    await booker.post('/api/bookings').send({ spaceId: desks.id, resourceId: desks.resourceIds[0], ...when }).expect(409);
    expect((await jobs()).length).toBe(count + 1);
  });
});
