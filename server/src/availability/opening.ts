import type { IANAZone } from 'luxon';
import type { Closure, OpeningInterval } from './availability.types';
import { merge, union, type Span } from './intervals';
import { isoWeekday, parseLocalDate, wallToInstant, type DayNumber } from './local-time';

export interface WeeklyMinutes {
  weekday: number;
  opens: number;
  closes: number;
}

function parseClock(text: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes <= 1440)) throw new RangeError(`not a time of day (HH:MM, up to 24:00): ${text}`);
  return minutes;
}

/** Validates once, so expanding many days works on plain numbers. */
export function parseOpeningHours(hours: readonly OpeningInterval[]): WeeklyMinutes[] {
  return hours.map(({ weekday, opens, closes }) => {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError(`weekday must be 1 (Monday) … 7 (Sunday): ${weekday}`);
    }
    const parsed = { weekday, opens: parseClock(opens), closes: parseClock(closes) };
    // The caller splits openings across midnight, so an end before the start is a caller bug.
    if (parsed.opens >= parsed.closes) throw new RangeError(`opening ${opens}–${closes} ends before it starts`);
    return parsed;
  });
}

/** Opening time of one local date; DST handling lives in wallToInstant. */
export function openingOn(hours: readonly WeeklyMinutes[], day: DayNumber, zone: IANAZone): Span[] {
  const weekday = isoWeekday(day);
  return merge(
    hours
      .filter((h) => h.weekday === weekday)
      .map((h): Span => [wallToInstant(day, h.opens, zone), wallToInstant(day, h.closes, zone)]),
  );
}

/** Local dates first … last (inclusive) as instants, from local midnight to local midnight. */
export function localDates(first: DayNumber, last: DayNumber, zone: IANAZone): Span {
  return [wallToInstant(first, 0, zone), wallToInstant(last + 1, 0, zone)];
}

export function closureSpan(closure: Closure, zone: IANAZone): Span {
  const first = parseLocalDate(closure.startsOn);
  const last = parseLocalDate(closure.endsOn);
  if (last < first) throw new RangeError(`closure ends (${closure.endsOn}) before it starts (${closure.startsOn})`);
  return localDates(first, last, zone);
}

/** Whole-space closed time: space closures plus holidays. */
export function spaceClosedTime(closures: readonly Closure[], holidays: readonly string[], zone: IANAZone): Span[] {
  return union(
    closures.filter((c) => c.resourceId === null).map((c) => closureSpan(c, zone)),
    holidays.map((date) => {
      const day = parseLocalDate(date);
      return localDates(day, day, zone);
    }),
  );
}
