import type { BookingStatus } from '@landraeume/shared';
import type { Queryable } from '../db/queryable';
import { enqueue } from '../notifications/outbox';

/**
 * One mail per booking, state and change: the key keeps a retried or repeated change from
 * mailing twice. A date of a series lives in the booker's calendar as part of the series event,
 * so its change is mailed as an update of the whole series instead.
 */
export async function enqueueBookingMail(db: Queryable, booking: { id: string; seriesId: string | null }, status: BookingStatus, sequence: number): Promise<void> {
  if (status === 'pending') return;
  if (booking.seriesId) {
    await enqueueSeriesMail(db, booking.seriesId, 'updated', `${booking.id}:${status}:${sequence}`);
    return;
  }
  await enqueue(db, { kind: 'booking.mail', key: `${booking.id}:booking.mail:${status}:${sequence}`, payload: { bookingId: booking.id, event: status } });
}

export async function enqueueSeriesMail(db: Queryable, seriesId: string, event: 'created' | 'updated', change: string): Promise<void> {
  await enqueue(db, { kind: 'series.mail', key: `${seriesId}:series.mail:${event}:${change}`, payload: { seriesId, event } });
}
