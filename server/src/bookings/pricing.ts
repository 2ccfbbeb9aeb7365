import type { DateTime } from 'luxon';

const HOUR = 3_600_000;

export interface Prices {
  perHourCents: number | null;
  perDayCents: number | null;
  clubPerHourCents: number | null;
}

/**
 * What a booking costs, fixed at booking time so later price changes do not touch it. Clubs pay
 * the reduced hourly rate where one is set; a whole day costs the day price where one is set;
 * no price means free.
 */
export function priceOf(prices: Prices, period: { start: DateTime; end: DateTime; wholeDay: boolean }, bookedForClub: boolean): number {
  const hours = (period.end.toMillis() - period.start.toMillis()) / HOUR;
  if (bookedForClub && prices.clubPerHourCents !== null) return Math.round(prices.clubPerHourCents * hours);
  if (period.wholeDay && prices.perDayCents !== null) return prices.perDayCents;
  const hourly = Math.round((prices.perHourCents ?? 0) * hours);
  return prices.perDayCents !== null ? Math.min(hourly, prices.perDayCents) : hourly;
}
