import { SERIES_MAX_OCCURRENCES } from '@landraeume/shared';

export type SeriesEnd = { until: string } | { count: number };

/** The weekly RRULE the API expects: every `interval` weeks, ending on a date (inclusive) or after `count` dates. */
export function weeklyRule(interval: number, end: SeriesEnd): string {
  const every = Math.min(Math.max(Math.trunc(interval) || 1, 1), 52);
  const parts = ['FREQ=WEEKLY', ...(every > 1 ? [`INTERVAL=${every}`] : [])];
  if ('until' in end) parts.push(`UNTIL=${end.until.replaceAll('-', '')}`);
  else parts.push(`COUNT=${Math.min(Math.max(Math.trunc(end.count) || 1, 1), SERIES_MAX_OCCURRENCES)}`);
  return parts.join(';');
}
