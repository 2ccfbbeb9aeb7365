import { DateTime } from 'luxon';

const ZONE = 'Europe/Berlin';
const FIRST = { month: 12, day: 24 };
const LENGTH_DAYS = 9;

/**
 * Rooms let on request (municipal buildings) close from Christmas Eve to New Year's Day; the demo calendar
 * shows that. This is the break running on `now`'s day, or else the next one.
 */
export function currentOrNextWinterBreak(now: DateTime): { first: DateTime; last: DateTime } {
  const today = now.setZone(ZONE).startOf('day');
  let first = DateTime.fromObject({ year: today.year - 1, ...FIRST }, { zone: ZONE });
  while (first.plus({ days: LENGTH_DAYS - 1 }) < today) first = first.plus({ years: 1 });
  return { first, last: first.plus({ days: LENGTH_DAYS - 1 }) };
}

export function inWinterBreak(day: DateTime): boolean {
  return currentOrNextWinterBreak(day).first <= day.setZone(ZONE).startOf('day');
}
