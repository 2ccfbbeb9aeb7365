import type { Booking } from '@landraeume/shared';
import { DateTime } from 'luxon';

export interface BookingEvent {
  title: string;
  start: Date;
  end: Date;
  booking: Booking;
}

/** Requests and confirmed bookings take time in the calendar; what was rejected, cancelled or expired does not. */
const TAKES_TIME: Booking['status'][] = ['pending', 'confirmed'];

/**
 * The provider's calendar entries: who booked which desk or room and what for. Instants come
 * straight from the API's ISO times with their offset, so DST days need no arithmetic here.
 */
export function bookingEvents(bookings: Booking[], labels: { pending: string; anonymous: string }): BookingEvent[] {
  return bookings
    .filter((booking) => TAKES_TIME.includes(booking.status))
    .map((booking) => ({
      title: [booking.status === 'pending' ? labels.pending : '', booking.booker?.name ?? labels.anonymous, booking.resource.name, booking.purpose].filter(Boolean).join(' · '),
      start: DateTime.fromISO(booking.start, { setZone: true }).toJSDate(),
      end: DateTime.fromISO(booking.end, { setZone: true }).toJSDate(),
      booking,
    }));
}

/** The window a calendar view shows: the whole week of the shown day (the day view is inside it). */
export function weekWindow(shown: Date, zone: string): { from: string; to: string } {
  const start = DateTime.fromJSDate(shown).setZone(zone).startOf('week');
  return { from: start.toISO()!, to: start.plus({ weeks: 1 }).toISO()! };
}
