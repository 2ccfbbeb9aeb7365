import type { Queryable } from '../db/queryable';

export const SLOT_FREED_JOB = 'waitlist.slot_freed';

/**
 * Called in the transaction that ended bookings (cancelled, rejected, expired, released, lapsed):
 * queues one job per freed booking that somebody is waiting for, so the offer goes out even if
 * this process dies right after the commit. Without anyone waiting nothing is queued.
 */
export async function offerFreedSlots(db: Queryable, bookingIds: string[]): Promise<void> {
  if (!bookingIds.length) return;
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
