import type { OpeningIntervalDto } from '@landraeume/shared';
import { DomainError } from '../../http/errors';

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * A week of opening intervals, sorted, or the first rule it breaks. Checked before the database
 * sees it, so that the caller learns which two intervals collide rather than only that some did.
 */
export function checkWeek(intervals: OpeningIntervalDto[]): OpeningIntervalDto[] {
  const week = [...intervals].sort((a, b) => a.weekday - b.weekday || minutes(a.opens) - minutes(b.opens));
  for (const [i, interval] of week.entries()) {
    if (minutes(interval.closes) <= minutes(interval.opens)) {
      throw new DomainError('rule_violation', 'An interval must close after it opens (use two intervals across midnight)', { interval });
    }
    const previous = week[i - 1];
    // Touching intervals (09:00–12:00, 12:00–14:00) are fine: opening hours are half-open.
    if (previous && previous.weekday === interval.weekday && minutes(interval.opens) < minutes(previous.closes)) {
      throw new DomainError('rule_violation', 'Opening intervals of one day must not overlap', { intervals: [previous, interval] });
    }
  }
  return week;
}
