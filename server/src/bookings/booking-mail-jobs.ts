import type { BookingStatus } from '@landraeume/shared';
import type { Queryable } from '../db/queryable';
import { enqueue } from '../notifications/outbox';

/** One mail per booking, state and change: the key keeps a retried or repeated change from mailing twice. */
export async function enqueueBookingMail(db: Queryable, bookingId: string, status: BookingStatus, sequence: number): Promise<void> {
  if (status === 'pending') return;
  await enqueue(db, { kind: 'booking.mail', key: `${bookingId}:booking.mail:${status}:${sequence}`, payload: { bookingId, event: status } });
}
