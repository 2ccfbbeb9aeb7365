import type { DataSource } from 'typeorm';
import { NEWSLETTER_LINK_EXPIRED } from '../demand/newsletter';

export interface RetentionResult {
  bookingsAnonymised: number;
  seriesAnonymised: number;
  sessionsDeleted: number;
  tokensDeleted: number;
  invitationsDeleted: number;
  outboxJobsDeleted: number;
  waitlistEntriesDeleted: number;
  accessCodesCleared: number;
  auditEventsCleared: number;
  newsletterSignupsDeleted: number;
}

/** Two years: long enough for annual statements and disputes, see docs/operations.md. */
export const DEFAULT_RETENTION_MONTHS = 24;

/** Sent mails are kept this long for support questions ("did the confirmation go out?"). */
const OUTBOX_KEEP = `interval '90 days'`;
/** A waitlist entry says who wanted which room when: of no use once that time is well past. */
const WAITLIST_KEEP = `interval '30 days'`;
/** A large backlog (the first run on an old database) is worked off over several runs. */
const BATCH = 2000;

/**
 * Enforces the data retention rules of docs/operations.md. Bookings that ended more than
 * `months` ago keep what the occupancy figures need (space, resource, time, status, price,
 * organization) and lose who booked them and why; audit events that old lose their free text
 * (reasons) and invited addresses. Expired sessions, tokens and invitations, old delivered
 * mails, door codes of bookings that ended, newsletter addresses nobody confirmed and waitlist
 * entries for times long past go. One worker at a time: the others skip the run (advisory lock),
 * so several workers never do the same batch twice.
 */
export async function enforceRetention(db: DataSource, months: number): Promise<RetentionResult | 'skipped'> {
  return db.transaction(async (m) => {
    const [{ locked }] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('landraeume.retention')) AS locked`)) as [{ locked: boolean }];
    if (!locked) return 'skipped';
    const cutoff = `now() - make_interval(months => $1)`;
    const count = async (sql: string, params: unknown[] = []) => ((await m.query(`WITH done AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM done`, params)) as [{ n: number }])[0].n;
    return {
      bookingsAnonymised: await count(
        `UPDATE bookings SET purpose = '', attendees = NULL, decision_reason = NULL, booker_id = NULL
          WHERE id IN (SELECT id FROM bookings WHERE upper(period) < ${cutoff}
                          AND (booker_id IS NOT NULL OR purpose <> '' OR attendees IS NOT NULL OR decision_reason IS NOT NULL) LIMIT ${BATCH})`,
        [months],
      ),
      seriesAnonymised: await count(
        `UPDATE booking_series bs SET purpose = '', booker_id = NULL
          WHERE (bs.booker_id IS NOT NULL OR bs.purpose <> '') AND bs.first_start < ${cutoff}
            AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.series_id = bs.id AND upper(b.period) >= ${cutoff})`,
        [months],
      ),
      sessionsDeleted: await count(`DELETE FROM sessions WHERE expire < now()`),
      tokensDeleted: await count(`DELETE FROM user_tokens WHERE expires_at < now()`),
      invitationsDeleted: await count(`DELETE FROM invitations WHERE expires_at < now()`),
      outboxJobsDeleted: await count(`DELETE FROM outbox_jobs WHERE status = 'done' AND done_at < now() - ${OUTBOX_KEEP}`),
      waitlistEntriesDeleted: await count(`DELETE FROM waitlist_entries WHERE upper(period) < now() - ${WAITLIST_KEEP}`),
      // The log keeps who did what to which subject when; a reason may say something personal.
      auditEventsCleared: await count(
        `UPDATE audit_events SET data = data - 'reason' - 'email'
          WHERE id IN (SELECT id FROM audit_events WHERE (data ? 'reason' OR data ? 'email') AND created_at < ${cutoff} ORDER BY created_at LIMIT ${BATCH})`,
        [months],
      ),
      // Double opt-in: an address nobody confirmed within the link's week is deleted.
      newsletterSignupsDeleted: await count(`DELETE FROM newsletter_signups WHERE confirmed_on IS NULL AND ${NEWSLETTER_LINK_EXPIRED}`),
      // A door code opens nothing once its booking is over (it is shown only until the end, and
      // lock systems got it with that end); kept longer it is only a secret lying around.
      accessCodesCleared: await count(
        `UPDATE booking_access SET code = NULL, updated_at = now()
          WHERE booking_id IN (SELECT a.booking_id FROM booking_access a JOIN bookings b ON b.id = a.booking_id
                                WHERE a.code IS NOT NULL AND upper(b.period) < now() LIMIT ${BATCH})`,
      ),
    };
  });
}
