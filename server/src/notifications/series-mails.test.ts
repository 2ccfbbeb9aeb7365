import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { bookingMailHandlers } from './booking-mails';
import { createMailer } from './mailer';
import { deliverDue } from './outbox';
import { seriesMailHandlers } from './series-mails';

let t: TestApp;
let hall: SpaceFixture;
let trainer: Awaited<ReturnType<typeof signIn>>;

const deliver = () => {
  const deps = { db: t.db.dataSource, mailer: createMailer({ smtpUrl: undefined, from: 'noreply@example.org', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL }), publicUrl: TEST_PUBLIC_URL, fromAddress: 'noreply@example.org' };
  return deliverDue(t.db.dataSource, { ...bookingMailHandlers(deps), ...seriesMailHandlers(deps) }, silentLogger);
};
async function lastIcs(): Promise<string[]> {
  const mail = (await t.mails()).at(-1)!;
  const parsed = await simpleParser(mail.raw);
  return parsed.attachments[0]!.content.toString('utf8').replace(/\r\n[ \t]/g, '').split('\r\n');
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Serie');
  hall = await createSpace(db, town, { kind: 'sports_hall', room: { capacity: 60 }, name: 'Halle Serie', holidaysClosed: false });
  await db.query(`UPDATE spaces SET horizon_days = 730 WHERE id = $1`, [hall.id]);
  trainer = await signIn(t.app, (await createUser(db, { name: 'Tina Trainer' })).email);
});
afterAll(async () => {
  await t?.close();
});

describe('series mails', () => {
  it('sends one mail for a series: one event with its RRULE and the dates not booked as EXDATEs; a change resends it', async () => {
    await createBookingClaims(t.db.dataSource, { spaceId: hall.id, resourceId: hall.resourceIds[0]!, unitIds: [hall.resourceIds[0]!], start: '2027-03-23T17:00:00+01:00', end: '2027-03-23T19:00:00+01:00' });
    const created = await trainer
      .post('/api/series')
      .send({ spaceId: hall.id, start: '2027-03-16T16:00:00+01:00', end: '2027-03-16T18:00:00+01:00', rrule: 'FREQ=WEEKLY;UNTIL=20270406', onConflict: 'skip' })
      .expect(201);
    expect(created.body.created).toHaveLength(3);
    expect(await deliver()).toBe(1);
    const mails = await t.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Terminserie: Halle Serie');
    const ics = await lastIcs();
    expect(ics).toEqual(
      expect.arrayContaining([
        'METHOD:REQUEST',
        `UID:${created.body.series.id}@localhost`,
        'DTSTART;TZID=Europe/Berlin:20270316T160000',
        'RRULE:FREQ=WEEKLY;UNTIL=20270406T215959Z',
        'EXDATE;TZID=Europe/Berlin:20270323T160000',
      ]),
    );
    const sequence = ics.find((l) => l.startsWith('SEQUENCE:'));

    const third = created.body.created[2] as { id: string; start: string };
    await trainer.post(`/api/bookings/${third.id}/cancel`).send({}).expect(200);
    expect(await deliver()).toBe(1);
    const updated = await lastIcs();
    expect(updated).toContain('EXDATE;TZID=Europe/Berlin:20270323T160000,20270406T160000');
    expect(Number(updated.find((l) => l.startsWith('SEQUENCE:'))!.slice(9))).toBeGreaterThan(Number(sequence!.slice(9)));
    expect(await t.mails()).toHaveLength(2);
  });
});
