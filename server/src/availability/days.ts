import type { DaySummary } from './availability.types';
import type { Calendar } from './calendar';
import { clip, contains, subtract } from './intervals';
import { formatLocalDate } from './local-time';

/**
 * A date's open time is its own weekday's openings (so after 22:00–02:00 the 00:00–02:00 part
 * belongs to the next date), within the window, minus whole-space closures and holidays.
 */
export function computeDays(calendar: Calendar): DaySummary[] {
  const topLevelFree = calendar.tree.topLevel.map((id) => calendar.free.get(id)!);
  const days: DaySummary[] = [];
  for (let day = calendar.firstDay; day <= calendar.lastDay; day++) {
    const open = subtract(clip(calendar.openingOf.get(day)!, calendar.from, calendar.to), calendar.spaceClosed);
    days.push({
      date: formatLocalDate(day),
      open: open.length > 0,
      wholeDayFree: open.length === 0 ? 0 : topLevelFree.filter((spans) => contains(spans, open)).length,
    });
  }
  return days;
}
