import type { DateTime } from 'luxon';
import type { QueryRunner } from 'typeorm';
import type { Queryable } from '../db/queryable';
import { bookingSelectFrom, type BookingRow } from './bookings.presenter';
import { enqueueBookingEvents } from '../webhooks/webhook-events';
import type { RequestedPeriod } from './booking-rules';
import { prepare, runPrepared } from '../db/prepared';

export const EXCLUSION_VIOLATION = '23P01';

/** Unanswered requests expire after this many hours unless configured otherwise. */
export const DEFAULT_PENDING_EXPIRY_HOURS = 72;

export const isOverlap = (error: unknown) => (error as { code?: string }).code === EXCLUSION_VIOLATION;

export interface NewBooking {
  actorId: string;
  spaceId: string;
  resourceId: string;
  /** The leaf units the booking occupies, claimed in the exclusion-constrained table. */
  units: string[];
  period: RequestedPeriod;
  pending: boolean;
  pendingExpiryHours: number;
  purpose: string;
  attendees: number | null;
  organizationId: string | null;
  priceCents: number;
  seriesId?: string;
  /** The employer contract that pays; its quota was checked under the contract's lock. */
  contractId?: string;
  /** Mails about a series go out once for the series, not per date. */
  notify: boolean;
  /** A waitlist offer: the booking is `held` for this many minutes, then lapses. */
  holdMinutes?: number;
}

/** The mails a new booking causes: a confirmation, or a receipt for the booker and a note to the providers. */
function jobsFor(booking: NewBooking): { kinds: string[]; events: string[] } {
  if (!booking.notify || booking.holdMinutes) return { kinds: [], events: [] };
  return booking.pending ? { kinds: ['booking.mail', 'booking.provider_mail'], events: ['requested', 'requested'] } : { kinds: ['booking.mail'], events: ['confirmed'] };
}

const statusOf = (booking: NewBooking) => (booking.holdMinutes ? 'held' : booking.pending ? 'pending' : 'confirmed');

// One statement, one round trip. It first locks the units in id order: two transactions
// inserting overlapping claims at the same instant could otherwise each wait for the other
// inside the exclusion check (a deadlock PostgreSQL breaks only after a second); the locks
// queue them instead and go with the savepoint. The exclusion constraint still decides.
// The claims cover the space's set-up and clean-up buffers, [start − setup, end + clean-up),
// so the constraint keeps the gap between two bookings; the booking keeps the asked period.
// A request expires unanswered after the configured time, or at its start if that is sooner.
// The audit row and the outbox jobs for its mails are written here too, so neither the log nor
// the mails can disagree with the booking.
// It writes nothing when the space's calendar is no longer the version the rules were checked
// against ($21), or, for a caller outside a transaction ($22), when webhooks would have to hear
// of the booking in a second statement. It answers with the booking as the API presents it.
export const INSERT_BOOKING = prepare(
  'insert-booking',
  `WITH calendar AS (SELECT $21::bigint IS NULL OR calendar_version = $21::bigint AS current FROM spaces WHERE id = $1),
   hooks AS (
     SELECT EXISTS (SELECT 1 FROM webhook_endpoints w JOIN spaces s ON s.id = $1
                     WHERE w.active AND (w.organization_id = s.organization_id OR w.organization_id = $4::uuid)) AS hooked
   ),
   locked AS (SELECT count(*) AS n FROM (SELECT id FROM resources WHERE id = ANY($14::uuid[]) ORDER BY id FOR NO KEY UPDATE) units),
   booking AS (
     INSERT INTO bookings (space_id, resource_id, booker_id, organization_id, period, status, whole_day, purpose, attendees, price_cents, series_id, expires_at, confirmed_at, contract_id)
     SELECT $1, $2, $3, $4, tstzrange($5::timestamptz, $6::timestamptz), $7, $8, $9, $10, $11, $12, CASE WHEN $7 = 'pending' THEN least(now() + make_interval(hours => $13), $5::timestamptz) WHEN $7 = 'held' THEN now() + make_interval(mins => $20) END,
            CASE WHEN $7 = 'confirmed' THEN now() END, $19::uuid
       FROM locked, calendar, hooks
      WHERE calendar.current AND NOT ($22::boolean AND hooks.hooked)
     RETURNING *
   ),
   claims AS (
     INSERT INTO booking_claims (booking_id, unit_id, space_id, period)
     SELECT booking.id, unit, s.id, tstzrange(lower(booking.period) - make_interval(mins => s.setup_minutes), upper(booking.period) + make_interval(mins => s.cleanup_minutes))
       FROM booking, spaces s, unnest($14::uuid[]) AS unit WHERE s.id = $1
   ),
   audit AS (
     INSERT INTO audit_events (actor_user_id, action, subject_type, subject_id, data)
     SELECT $3, $15, 'booking', booking.id::text, $16::jsonb FROM booking
   ),
   jobs AS (
     INSERT INTO outbox_jobs (kind, key, payload)
     SELECT job.kind, booking.id || ':' || job.kind || ':' || job.event || ':0', jsonb_build_object('bookingId', booking.id, 'event', job.event)
       FROM booking, unnest($17::text[], $18::text[]) AS job(kind, event)
   )
   SELECT calendar.current AS calendar_current, hooks.hooked, written.*
     FROM calendar CROSS JOIN hooks LEFT JOIN (${bookingSelectFrom('booking b')}) written ON true`,
);

export interface WriteOptions {
  /** The calendar version the rules were checked against; null where the caller read the space itself just now. */
  calendarVersion: string | null;
  /** Outside a transaction nothing may follow the insert, so a booking that webhooks must hear of is left unwritten. */
  alone: boolean;
}

/** An instant as ECMAScript writes it in UTC: what PostgreSQL reads, without luxon formatting it in its zone. */
const utc = (instant: DateTime) => new Date(instant.toMillis()).toISOString();

/** The parameters of INSERT_BOOKING for a booking (the SQL ceiling of bench/booking runs the same). */
export function insertBookingParameters(booking: NewBooking, options: WriteOptions): unknown[] {
  const { start, end, wholeDay } = booking.period;
  const jobs = jobsFor(booking);
  return [
    booking.spaceId, booking.resourceId, booking.actorId, booking.organizationId, utc(start), utc(end), statusOf(booking),
    wholeDay, booking.purpose, booking.attendees, booking.priceCents, booking.seriesId ?? null, booking.pendingExpiryHours, booking.units,
    `booking.${statusOf(booking) === 'confirmed' ? 'confirmed' : statusOf(booking) === 'held' ? 'held' : 'requested'}`,
    JSON.stringify({ spaceId: booking.spaceId, resourceId: booking.resourceId, ...(booking.seriesId ? { seriesId: booking.seriesId } : {}), ...(booking.contractId ? { contractId: booking.contractId } : {}) }),
    jobs.kinds,
    jobs.events,
    booking.contractId ?? null,
    booking.holdMinutes ?? 0,
    options.calendarVersion,
    options.alone,
  ];
}

/** The space's calendar changed after its rules were checked: check them again against the new one. */
export class CalendarChanged extends Error {}

/** Webhooks must hear of this booking, which a lone statement cannot promise: write it in a transaction. */
export class NeedsTransaction extends Error {}

/**
 * Writes a booking and its claims and returns it as BookingRow; throws the database's 23P01 when
 * a unit is taken. Callers that go on after a refusal inside a transaction run it in a savepoint
 * (`unlessTaken`), so their transaction stays usable; outside one, each write stands alone.
 */
export async function insertBooking(db: Queryable, booking: NewBooking, options: WriteOptions): Promise<BookingRow> {
  const [row] = (await runPrepared(db, INSERT_BOOKING, insertBookingParameters(booking, options))) as (BookingRow & { calendar_current: boolean; hooked: boolean })[];
  if (!row?.calendar_current) throw new CalendarChanged();
  if (options.alone && row.hooked) throw new NeedsTransaction();
  // A waitlist hold is not a booking until it is accepted (waitlist-offers.ts announces it then).
  const events = { confirmed: ['booking.created', 'booking.confirmed'], pending: ['booking.created'], held: [] } as const;
  // Most organizations have no webhooks; asking in the insert saves those bookings a round trip.
  if (row.hooked) await enqueueBookingEvents(db, [row.id], [...events[statusOf(booking)]]);
  return row;
}

/** Runs `work` in a savepoint; on an overlap the savepoint is rolled back and `undefined` returned. */
export async function unlessTaken<T>(qr: QueryRunner, work: () => Promise<T>): Promise<T | undefined> {
  await qr.query('SAVEPOINT attempt');
  try {
    // Not released: it ends with the transaction, one round trip fewer.
    return await work();
  } catch (error) {
    if (!isOverlap(error)) throw error;
    await qr.query('ROLLBACK TO SAVEPOINT attempt');
    return undefined;
  }
}
