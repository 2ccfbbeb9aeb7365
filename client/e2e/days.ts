import { DateTime } from 'luxon';
import { inWinterBreak } from '../../seed/winter-break';
import { nrwHolidays } from '../../server/src/spaces/holidays';

const TUESDAY_TO_THURSDAY = [2, 3, 4];
export const TUESDAY = [2];
export const WEDNESDAY = [3];

/** Whether every seeded space is open that day: no public holiday in NRW, outside the rooms' winter break. */
export function isOpenDay(day: DateTime): boolean {
  const date = day.toISODate()!;
  return nrwHolidays(date, date).length === 0 && !inWinterBreak(day);
}

/**
 * The first open day at least `daysAhead` days from now on one of `weekdays`. Tests spread their bookings
 * over different distances ahead so that they never meet.
 */
export function openDayAhead(daysAhead: number, weekdays: readonly number[] = TUESDAY_TO_THURSDAY): DateTime {
  let day = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: daysAhead });
  while (!weekdays.includes(day.weekday) || !isOpenDay(day)) day = day.plus({ days: 1 });
  return day;
}
