/** How a booking came about: booked at once, asked for (the space wants approval), or as part of a series. */
export type BookingKind = 'instant' | 'request' | 'series';

/** Told about bookings after their transaction committed, so a rolled-back attempt never counts. */
export interface BookingCounter {
  created(kind: BookingKind, count?: number): void;
  cancelled(kind: BookingKind, count?: number): void;
}

export const UNCOUNTED: BookingCounter = { created() {}, cancelled() {} };

export const bookingKind = (booking: { seriesId: string | null; approval: string }): BookingKind =>
  booking.seriesId ? 'series' : booking.approval === 'required' ? 'request' : 'instant';
