import type { Queryable } from '../db/queryable';

export const SLOT_FREED_JOB = 'waitlist.slot_freed';

/**
 * Joining a space's waitlist and freeing one of its slots take turns on this lock, each reading
 * the other's work only after it is granted: a join that waited sees the slot free and says so,
 * and a release that waited sees the new entry and queues its offer. Without it a slot freed
 * while someone joined was offered to nobody until something overlapping freed again.
 */
const waitlistLockOf = (spaceId: string) => `pg_advisory_xact_lock(hashtextextended('landraeume.waitlist:' || ${spaceId}, 0))`;

/** Taken by a join after its entry is written, so it holds no lock the entry's insert could wait for. */
export async function lockWaitlist(db: Queryable, spaceId: string): Promise<void> {
  await db.query(`SELECT ${waitlistLockOf('$1::text')}`, [spaceId]);
}

/**
 * Ends the claims of bookings that ended and takes their spaces' waitlist locks, in one order
 * whoever does it, so two releases of several spaces cannot wait for each other.
 */
export async function releaseClaimsLockingWaitlists(db: Queryable, bookingIds: string[]): Promise<void> {
  await db.query(
    `WITH released AS (UPDATE booking_claims SET active = false WHERE booking_id = ANY($1::uuid[]) RETURNING space_id)
     SELECT ${waitlistLockOf('s.space_id::text')} FROM (SELECT DISTINCT space_id FROM released ORDER BY space_id) s`,
    [bookingIds],
  );
}

/**
 * Called in the transaction that ended bookings (cancelled, rejected, expired, released, lapsed),
 * after `releaseClaimsLockingWaitlists`: queues one job per freed booking that somebody is waiting
 * for, so the offer goes out even if this process dies right after the commit. Without anyone
 * waiting nothing is queued.
 */
export async function offerFreedSlots(db: Queryable, bookingIds: string[]): Promise<void> {
  await db.query(
    `INSERT INTO outbox_jobs (kind, key, payload)
     SELECT $2, b.id || ':' || $2 || ':' || b.status || ':' || b.sequence, jsonb_build_object('bookingId', b.id)
       FROM bookings b
      WHERE b.id = ANY($1::uuid[])
        AND EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.status = 'waiting' AND w.space_id = b.space_id AND w.period && b.period)
     ON CONFLICT (key) DO NOTHING`,
    [bookingIds, SLOT_FREED_JOB],
  );
}
