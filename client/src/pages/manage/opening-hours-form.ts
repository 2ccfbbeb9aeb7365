import type { OpeningHoursInput, OpeningIntervalDto } from '@landraeume/shared';

/** One row of the form: what the two time inputs hold (HH:MM, empty while unfilled). */
export interface HoursRow {
  opens: string;
  closes: string;
}
export interface DayHours {
  weekday: number;
  rows: HoursRow[];
}
export type HoursProblem = 'incomplete' | 'order' | 'overlap';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/*
 * A time input cannot hold 24:00, the API's "until midnight": the form shows it as 00:00 in the
 * closing field, which only makes sense as the end of the day, and turns it back on the way out.
 */
const MIDNIGHT_API = '24:00';
const MIDNIGHT_INPUT = '00:00';

/** The API's flat list as seven days, each with its intervals in order. */
export function toWeek(intervals: OpeningIntervalDto[]): DayHours[] {
  return WEEKDAYS.map((weekday) => ({
    weekday,
    rows: intervals
      .filter((interval) => interval.weekday === weekday)
      .sort((a, b) => minutes(a.opens) - minutes(b.opens))
      .map((interval) => ({ opens: interval.opens, closes: interval.closes === MIDNIGHT_API ? MIDNIGHT_INPUT : interval.closes })),
  }));
}

const closesAt = (row: HoursRow) => (row.closes === MIDNIGHT_INPUT ? MIDNIGHT_API : row.closes);
const blank = (row: HoursRow) => !row.opens && !row.closes;

/** The body of PUT /opening-hours; rows left wholly empty are dropped. */
export function fromWeek(week: DayHours[]): OpeningHoursInput {
  return { intervals: week.flatMap((day) => day.rows.filter((row) => !blank(row)).map((row) => ({ weekday: day.weekday, opens: row.opens, closes: closesAt(row) }))) };
}

/**
 * What is wrong with each row, keyed `weekday.index`, checked as the server will: every interval
 * closes after it opens, and the intervals of one day do not overlap (touching is fine).
 */
export function weekProblems(week: DayHours[]): Record<string, HoursProblem> {
  const problems: Record<string, HoursProblem> = {};
  for (const day of week) {
    const filled = day.rows.map((row, index) => ({ row, index })).filter(({ row }) => !blank(row));
    for (const { row, index } of filled) {
      if (!row.opens || !row.closes) problems[`${day.weekday}.${index}`] = 'incomplete';
      else if (minutes(closesAt(row)) <= minutes(row.opens)) problems[`${day.weekday}.${index}`] = 'order';
    }
    const valid = filled.filter(({ index }) => !problems[`${day.weekday}.${index}`]).sort((a, b) => minutes(a.row.opens) - minutes(b.row.opens));
    for (let i = 1; i < valid.length; i++) {
      if (minutes(valid[i]!.row.opens) < minutes(closesAt(valid[i - 1]!.row))) problems[`${day.weekday}.${valid[i]!.index}`] = 'overlap';
    }
  }
  return problems;
}
