import type { IANAZone } from 'luxon';
import type { OpeningInterval } from './availability.types';
import { merge, type Span } from './intervals';
import { isoWeekday, wallToInstant, type DayNumber } from './local-time';
import { perObject } from './memo';

export interface WeeklyMinutes {
  opens: number;
  closes: number;
}

/** Opening intervals in minutes after local midnight, indexed by ISO weekday (index 0 unused). */
export type WeeklyHours = readonly (readonly WeeklyMinutes[])[];

function parseClock(text: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes <= 1440)) throw new RangeError(`not a time of day (HH:MM, up to 24:00): ${text}`);
  return minutes;
}

/** Validates once, so expanding many days works on plain numbers. */
function parseOpeningHours(hours: readonly OpeningInterval[]): WeeklyHours {
  const byWeekday: WeeklyMinutes[][] = Array.from({ length: 8 }, () => []);
  for (const { weekday, opens, closes } of hours) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError(`weekday must be 1 (Monday) … 7 (Sunday): ${weekday}`);
    }
    const parsed = { opens: parseClock(opens), closes: parseClock(closes) };
    // The caller splits openings across midnight, so an end before the start is a caller bug.
    if (parsed.opens >= parsed.closes) throw new RangeError(`opening ${opens}–${closes} ends before it starts`);
    byWeekday[weekday]!.push(parsed);
  }
  return byWeekday;
}

/** The weekly hours of an opening-hours array, parsed once per array (see perObject). */
export const weeklyHoursOf = perObject(parseOpeningHours);

/** Opening time of one local date; DST handling lives in wallToInstant. */
export function openingOn(hours: WeeklyHours, day: DayNumber, zone: IANAZone): Span[] {
  return merge(hours[isoWeekday(day)]!.map((h): Span => [wallToInstant(day, h.opens, zone), wallToInstant(day, h.closes, zone)]));
}
