import type { DaySummary } from './availability.types';
import type { Calendar } from './calendar';
import { clip, subtract } from './intervals';
import { formatLocalDate } from './local-time';
import { openingOn } from './opening';

/**
 * A date's open time is its own weekday's openings (so after 22:00–02:00 the 00:00–02:00 part
 * belongs to the next date), within the window, minus whole-space closures and holidays.
 */
export function computeDays(calendar: Calendar): DaySummary[] {
  const { tree, free, zone } = calendar;
  const topLevel = [...tree.byId.values()].filter((r) => r.parentId === null).map((r) => free.get(r.id)!);
  const days: DaySummary[] = [];
  for (let day = calendar.firstDay; day <= calendar.lastDay; day++) {
    const open = subtract(clip(openingOn(calendar.hours, day, zone), calendar.from, calendar.to), calendar.spaceClosed);
    days.push({
      date: formatLocalDate(day),
      open: open.length > 0,
      wholeDayFree: open.length === 0 ? 0 : topLevel.filter((spans) => subtract(open, spans).length === 0).length,
    });
  }
  return days;
}
