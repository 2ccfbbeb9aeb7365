import type { Queryable } from '../db/queryable';
import { offerFreedSlots, releaseClaimsLockingWaitlists } from '../waitlist/waitlist-hooks';

/**
 * Bookings that ended (cancelled, rejected, expired, released, lapsed) give up their slots in
 * the transaction that ended them: their claims stop counting for the exclusion constraint, and
 * whoever waits for one of those slots is offered it.
 */
export async function releaseSlots(db: Queryable, bookingIds: string[]): Promise<void> {
  if (!bookingIds.length) return;
  await releaseClaimsLockingWaitlists(db, bookingIds);
  await offerFreedSlots(db, bookingIds);
}
