import type { QueryRunner } from 'typeorm';
import { recordAudit } from '../audit/audit';
import type { RequestedPeriod } from './booking-rules';

export const EXCLUSION_VIOLATION = '23P01';

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
}

/**
 * Writes a booking and its claims; throws the database's 23P01 when a unit is taken. Callers run
 * it inside a savepoint so that a refusal leaves their transaction usable.
 */
export async function insertBooking(qr: QueryRunner, booking: NewBooking): Promise<string> {
  const { start, end, wholeDay } = booking.period;
  // Two transactions inserting overlapping claims at the same instant can each wait for the
  // other inside the exclusion check (a deadlock PostgreSQL breaks only after a second). Row
  // locks on the units, taken in id order and released with the savepoint, queue them instead;
  // the exclusion constraint still makes the decision.
  await qr.query(`SELECT id FROM resources WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [booking.units]);
  const [row] = (await qr.query(
    `INSERT INTO bookings (space_id, resource_id, booker_id, organization_id, period, status, whole_day, purpose, attendees, price_cents, series_id, expires_at)
     VALUES ($1, $2, $3, $4, tstzrange($5::timestamptz, $6::timestamptz), $7, $8, $9, $10, $11, $12, CASE WHEN $7 = 'pending' THEN now() + make_interval(hours => $13) END)
     RETURNING id`,
    [
      booking.spaceId, booking.resourceId, booking.actorId, booking.organizationId, start.toISO(), end.toISO(), booking.pending ? 'pending' : 'confirmed',
      wholeDay, booking.purpose, booking.attendees, booking.priceCents, booking.seriesId ?? null, booking.pendingExpiryHours,
    ],
  )) as [{ id: string }];
  await qr.query(
    `INSERT INTO booking_claims (booking_id, unit_id, period) SELECT $1, unit, tstzrange($3::timestamptz, $4::timestamptz) FROM unnest($2::uuid[]) AS unit`,
    [row.id, booking.units, start.toISO(), end.toISO()],
  );
  await recordAudit(qr.manager, {
    actorId: booking.actorId,
    action: booking.pending ? 'booking.requested' : 'booking.confirmed',
    subjectType: 'booking',
    subjectId: row.id,
    data: { spaceId: booking.spaceId, resourceId: booking.resourceId, ...(booking.seriesId ? { seriesId: booking.seriesId } : {}) },
  });
  return row.id;
}

/** Runs `work` in a savepoint; on an overlap the savepoint is rolled back and `undefined` returned. */
export async function unlessTaken<T>(qr: QueryRunner, work: () => Promise<T>): Promise<T | undefined> {
  await qr.query('SAVEPOINT attempt');
  try {
    const result = await work();
    await qr.query('RELEASE SAVEPOINT attempt');
    return result;
  } catch (error) {
    if (!isOverlap(error)) throw error;
    await qr.query('ROLLBACK TO SAVEPOINT attempt');
    return undefined;
  }
}
