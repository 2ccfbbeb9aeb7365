import type { IANAZone } from 'luxon';
import type { Closure } from './availability.types';
import { union, type Span } from './intervals';
import { parseLocalDate, wallToInstant, type DayNumber } from './local-time';
import { perObject } from './memo';

/** Local dates first … last, both inclusive. */
interface DateRange {
  first: DayNumber;
  last: DayNumber;
}

export interface ClosedDates {
  /** Closures of the whole space. */
  space: readonly DateRange[];
  /** Closures of one resource, by its id. */
  byResource: ReadonlyMap<string, readonly DateRange[]>;
}

function parseClosures(closures: readonly Closure[]): ClosedDates {
  const space: DateRange[] = [];
  const byResource = new Map<string, DateRange[]>();
  for (const closure of closures) {
    const range = { first: parseLocalDate(closure.startsOn), last: parseLocalDate(closure.endsOn) };
    if (range.last < range.first) throw new RangeError(`closure ends (${closure.endsOn}) before it starts (${closure.startsOn})`);
    if (closure.resourceId === null) space.push(range);
    else byResource.set(closure.resourceId, [...(byResource.get(closure.resourceId) ?? []), range]);
  }
  return { space, byResource };
}

/** The closed dates of a closures array, parsed once per array (see perObject). */
export const closedDatesOf = perObject(parseClosures);

/** Local dates as instants, from local midnight of the first to local midnight after the last. */
export const instantsOf = (ranges: readonly DateRange[], zone: IANAZone): Span[] =>
  ranges.map(({ first, last }): Span => [wallToInstant(first, 0, zone), wallToInstant(last + 1, 0, zone)]);

/** Whole-space closed time: space closures plus holidays. */
export function spaceClosedTime(closed: ClosedDates, holidays: readonly string[], zone: IANAZone): Span[] {
  const holidayDates = holidays.map((date): DateRange => {
    const day = parseLocalDate(date);
    return { first: day, last: day };
  });
  return union(instantsOf(closed.space, zone), instantsOf(holidayDates, zone));
}
