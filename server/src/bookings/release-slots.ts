import type { Queryable } from '../db/queryable';
import { offerFreedSlots } from '../waitlist/waitlist-hooks';

/**
 * Bookings that ended (cancelled, rejected, expired, released, lapsed) give up their slots in
 * the transaction that ended them: their claims stop counting for the exclusion constraint, and
 * whoever waits for one of those slots is offered it.
 */
export async function releaseSlots(db: Queryable, bookingIds: string[]): Promise<void> {
  if (!bookingIds.length) return;
  await db.query(`UPDATE booking_claims SET active = false WHERE booking_id = ANY($1::uuid[])`, [bookingIds]);
  await offerFreedSlots(db, bookingIds);
}
