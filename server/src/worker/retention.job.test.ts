import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingClaims, createOrganization, createSpace, createUser, type SpaceFixture } from '../db/testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/testing/test-database';
import { enforceRetention } from './retention.job';

let t: TestDatabase;
let space: SpaceFixture;
let bookerId: string;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.dataSource.query(text, params) as Promise<T[]>;

/** A booking `monthsAgo` months back (negative: ahead), with a purpose and attendees. */
async function bookingEnded(monthsAgo: number, desk: number): Promise<string> {
  const start = DateTime.now().minus({ months: monthsAgo }).startOf('hour');
  const id = await createBookingClaims(t.dataSource, { spaceId: space.id, resourceId: space.resourceIds[desk]!, unitIds: [space.resourceIds[desk]!], start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()!, bookerId });
  await sql(`UPDATE bookings SET purpose = 'Vorstandssitzung Familie Beispiel', attendees = 4, decision_reason = 'ok' WHERE id = $1`, [id]);
  return id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  space = await createSpace(t.dataSource, await createOrganization(t.dataSource, 'provider'), { desks: 3 });
  bookerId = (await createUser(t.dataSource)).id;
});
afterAll(async () => {
  await t?.drop();
});

describe('data retention', () => {
  it('anonymises bookings that ended before the retention period and deletes what has expired', async () => {
    const old = await bookingEnded(25, 0);
    const recent = await bookingEnded(23, 1);
    const future = await bookingEnded(-1, 2);
    await sql(`INSERT INTO sessions (sid, sess, expire) VALUES ('old-session', '{}', now() - interval '1 day'), ('live-session', '{}', now() + interval '1 day')`);
    await sql(`INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $3, 'reset_password', now() - interval '1 hour'), ($2, $3, 'reset_password', now() + interval '1 hour')`, [randomBytes(32), randomBytes(32), bookerId]);

    const waiting = (daysAgo: number) =>
      sql(`INSERT INTO waitlist_entries (user_id, space_id, period) VALUES ($1, $2, tstzrange(now() - make_interval(days => $3) - interval '1 hour', now() - make_interval(days => $3)))`, [bookerId, space.id, daysAgo]);
    await waiting(40);
    await waiting(-3);

    // Door codes: one of a booking that ended an hour ago, one of a booking still to come.
    const endedStart = DateTime.now().minus({ hours: 3 }).startOf('hour');
    const ended = await createBookingClaims(t.dataSource, { spaceId: space.id, resourceId: space.resourceIds[1]!, unitIds: [space.resourceIds[1]!], start: endedStart.toISO()!, end: endedStart.plus({ hours: 1 }).toISO()!, bookerId });
    await sql(`INSERT INTO booking_access (booking_id, code) VALUES ($1, '481516'), ($2, '234200')`, [ended, future]);

    // Audit events: a rejection's reason and an invitation's address from before the period, and both from within it.
    const audit = (monthsAgo: number, action: string, data: Record<string, unknown>) =>
      sql(`INSERT INTO audit_events (action, subject_type, subject_id, data, created_at) VALUES ($1, 'booking', $2, $3, now() - make_interval(months => $4)) RETURNING id`, [action, old, data, monthsAgo]);
    await audit(25, 'booking.rejected', { from: 'pending', reason: 'Herr Beispiel ist krank' });
    await audit(25, 'invitation.sent', { email: 'eingeladen@example.org', role: 'member' });
    await audit(23, 'booking.rejected', { from: 'pending', reason: 'Saal belegt' });
    await audit(23, 'invitation.sent', { email: 'neu@example.org', role: 'member' });

    // Newsletter addresses: one not confirmed within its week, one still within it, one confirmed long ago.
    await sql(
      `WITH berlin AS (SELECT (now() AT TIME ZONE 'Europe/Berlin')::date AS today)
       INSERT INTO newsletter_signups (email, created_on, confirmed_on)
       SELECT email, today - created, today - confirmed FROM berlin,
              (VALUES ('vergessen@example.org', 7, NULL::int), ('frisch@example.org', 6, NULL), ('dabei@example.org', 400, 399)) AS s (email, created, confirmed)`,
    );

    const result = await enforceRetention(t.dataSource, 24);
    expect(result).toMatchObject({ bookingsAnonymised: 1, sessionsDeleted: 1, tokensDeleted: 1, waitlistEntriesDeleted: 1, accessCodesCleared: 1, auditEventsCleared: 2, newsletterSignupsDeleted: 1 });
    expect((await sql<{ email: string }>(`SELECT email FROM newsletter_signups ORDER BY email`)).map((r) => r.email)).toEqual(['dabei@example.org', 'frisch@example.org']);
    expect(await sql(`SELECT action, data FROM audit_events WHERE action IN ('booking.rejected', 'invitation.sent') ORDER BY created_at, action`)).toEqual([
      { action: 'booking.rejected', data: { from: 'pending' } },
      { action: 'invitation.sent', data: { role: 'member' } },
      { action: 'booking.rejected', data: { from: 'pending', reason: 'Saal belegt' } },
      { action: 'invitation.sent', data: { email: 'neu@example.org', role: 'member' } },
    ]);
    expect(await sql(`SELECT booking_id, code FROM booking_access ORDER BY code NULLS FIRST`)).toEqual([{ booking_id: ended, code: null }, { booking_id: future, code: '234200' }]);
    expect(await sql(`SELECT 1 FROM waitlist_entries`)).toHaveLength(1);

    const rows = await sql<{ id: string; purpose: string; attendees: number | null; booker_id: string | null; decision_reason: string | null; status: string }>(
      `SELECT id, purpose, attendees, booker_id, decision_reason, status FROM bookings WHERE id = ANY($1::uuid[])`,
      [[old, recent, future]],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[old]).toMatchObject({ purpose: '', attendees: null, booker_id: null, decision_reason: null, status: 'confirmed' });
    expect(byId[recent]).toMatchObject({ purpose: 'Vorstandssitzung Familie Beispiel', attendees: 4, booker_id: bookerId });
    expect(byId[future]).toMatchObject({ booker_id: bookerId });
    expect((await sql(`SELECT sid FROM sessions`)).map((r) => r.sid)).toEqual(['live-session']);
    expect(await sql(`SELECT 1 FROM user_tokens`)).toHaveLength(1);

    // A second run finds nothing left to do.
    expect(await enforceRetention(t.dataSource, 24)).toMatchObject({ bookingsAnonymised: 0, sessionsDeleted: 0, tokensDeleted: 0, waitlistEntriesDeleted: 0, accessCodesCleared: 0, auditEventsCleared: 0, newsletterSignupsDeleted: 0 });
  });

  it('runs on one worker at a time: a run while another holds the lock is skipped', async () => {
    const qr = t.dataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      await qr.query(`SELECT pg_advisory_xact_lock(hashtext('landraeume.retention'))`);
      expect(await enforceRetention(t.dataSource, 24)).toBe('skipped');
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
    expect(await enforceRetention(t.dataSource, 24)).not.toBe('skipped');
  });
});
