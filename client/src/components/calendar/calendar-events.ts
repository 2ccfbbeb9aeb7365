import type { Availability } from '@landraeume/shared';
import { DateTime } from 'luxon';

export interface CalendarEvent {
  title: string;
  start: Date;
  end: Date;
  kind: 'busy' | 'full' | 'closed' | 'free';
}

export interface CalendarLabels {
  busy(resource: string): string;
  full: string;
  closed: string;
  free: string;
}

/** The hours of the day the week view shows (local time of the space). */
export const SHOWN_HOURS = { from: 6, to: 23 };

const toDate = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toJSDate();

/** Joins touching intervals (slot after slot) into one, so the calendar shows spans, not slices. */
function merge(intervals: { start: string; end: string }[]): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  for (const interval of intervals) {
    const last = out[out.length - 1];
    if (last && toDate(last.end).getTime() === toDate(interval.start).getTime()) last.end = interval.end;
    else out.push({ ...interval });
  }
  return out;
}

/**
 * What the week view shows: free time and closed days as background, and on top what is taken:
 * each room's or hall part's busy spans, or for desks the spans when every desk is taken.
 * Instants come straight from the API's ISO times, so DST days need no arithmetic here.
 */
export function calendarEvents(availability: Availability, resources: { id: string; name: string }[], coworking: boolean, labels: CalendarLabels): { events: CalendarEvent[]; background: CalendarEvent[] } {
  const free = merge(availability.slots.filter((slot) => (coworking ? slot.freeDesks : slot.freeUnits) > 0));
  const events: CalendarEvent[] = coworking
    ? merge(availability.slots.filter((slot) => slot.freeDesks === 0)).map((span) => ({ title: labels.full, start: toDate(span.start), end: toDate(span.end), kind: 'full' }))
    : availability.resources.flatMap((resource) => {
        const name = resources.find((r) => r.id === resource.resourceId)?.name ?? '';
        return merge(resource.busy).map((span) => ({ title: labels.busy(name), start: toDate(span.start), end: toDate(span.end), kind: 'busy' as const }));
      });
  // Closed days are shaded over the hours the calendar shows; its all-day row stays hidden.
  const closed = availability.days
    .filter((day) => !day.open)
    .map((day) => {
      const start = DateTime.fromISO(day.date, { zone: availability.zone });
      return { title: labels.closed, start: start.set({ hour: SHOWN_HOURS.from }).toJSDate(), end: start.set({ hour: SHOWN_HOURS.to }).toJSDate(), kind: 'closed' as const };
    });
  return { events, background: [...free.map((span) => ({ title: labels.free, start: toDate(span.start), end: toDate(span.end), kind: 'free' as const })), ...closed] };
}

/** A range picked in the calendar, as the API's local ISO times of the space's zone. */
export function pickedRange(start: Date, end: Date, zone: string): { start: string; end: string; day: string } {
  const from = DateTime.fromJSDate(start).setZone(zone);
  return { start: from.toISO({ suppressMilliseconds: true })!, end: DateTime.fromJSDate(end).setZone(zone).toISO({ suppressMilliseconds: true })!, day: from.toISODate()! };
}
