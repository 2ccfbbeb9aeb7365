/** How long before the start a booker may already check in: arriving a little early is normal. */
export const EARLY_CHECK_IN_MINUTES = 15;

/** Without a grace period nothing is released, so check-in stays open until the booking ends. */
export function checkInWindow(booking: { start: Date; end: Date; graceMinutes: number | null }): { from: Date; until: Date } {
  const from = new Date(booking.start.getTime() - EARLY_CHECK_IN_MINUTES * 60_000);
  if (booking.graceMinutes === null) return { from, until: booking.end };
  const graceEnd = new Date(booking.start.getTime() + booking.graceMinutes * 60_000);
  return { from, until: graceEnd < booking.end ? graceEnd : booking.end };
}

export const isWithin = (window: { from: Date; until: Date }, now: Date) => now >= window.from && now < window.until;
