import type { AvailabilityContext, AvailabilityInput, AvailabilityResult, Instant } from './availability.types';
import { buildCalendar } from './calendar';
import { computeDays } from './days';
import { contains, covers, type Span } from './intervals';
export { unitsFreeThroughout } from './free-throughout';
import { formatLocalDate, isoWriter, localDayOf, localMinuteOfDay, parseLocalDate, toIso, toMillis, wallToInstant, zoneNamed } from './local-time';
import { computeSlots } from './slots';

export type * from './availability.types';

// Checked at run time too: callers pass numbers from the database, and the slot grid only
// finds boundaries that fall on quarter hours.
const SLOT_MINUTES = new Set([15, 30, 60]);

/**
 * Free and busy time per resource, the slot grid and a per-day summary for one space and window.
 *
 * Free = opening hours − closures (space, resource, or any composite above it) − holidays − busy,
 * for active resources only; a composite is free only where all its leaf units are. Busy = the
 * claims of any leaf unit, clipped to the window but not to opening hours, so a booking that
 * overruns closing time still shows. Free and busy never overlap.
 */
export function computeAvailability(input: AvailabilityInput): AvailabilityResult {
  if (!SLOT_MINUTES.has(input.slotMinutes)) throw new RangeError('slotMinutes must be 15, 30 or 60');
  const calendar = buildCalendar(
    input,
    toMillis(input.window.from, 'window.from'),
    toMillis(input.window.to, 'window.to'),
  );
  const write = isoWriter(calendar.zone);
  const iso = (spans: readonly Span[]) => spans.map(([s, e]) => ({ start: write(s), end: write(e) }));
  return {
    resources: input.resources.map((r) => ({
      resourceId: r.id,
      free: iso(calendar.free.get(r.id)!),
      busy: iso(calendar.busy.get(r.id)!),
    })),
    slots: computeSlots(calendar, input.slotMinutes),
    days: computeDays(calendar),
  };
}

/** Ids (in input order) of the resources free for the whole of [start, end). */
export function freeResourcesFor(context: AvailabilityContext, start: Instant, end: Instant): string[] {
  const span: Span = [toMillis(start, 'start'), toMillis(end, 'end')];
  if (span[0] >= span[1]) throw new RangeError('end must be after start');
  const { free } = buildCalendar(context, span[0], span[1]);
  return context.resources.filter((r) => covers(free.get(r.id)!, span)).map((r) => r.id);
}

/**
 * A window's ends as local ISO text in the zone, and the local dates from the day before its
 * start to the day after its end (an opening across midnight starts on the day before).
 */
export function localWindow(zoneName: string, window: { from: Instant; to: Instant }): { from: string; to: string; firstDay: string; lastDay: string } {
  const zone = zoneNamed(zoneName);
  const from = toMillis(window.from, 'window.from');
  const to = toMillis(window.to, 'window.to');
  return { from: toIso(from, zone), to: toIso(to, zone), firstDay: formatLocalDate(localDayOf(from, zone) - 1), lastDay: formatLocalDate(localDayOf(to, zone) + 1) };
}

/** The local dates that [from, to) touches in the zone. */
export function localDatesOf(zoneName: string, window: { from: Instant; to: Instant }): string[] {
  const zone = zoneNamed(zoneName);
  const from = toMillis(window.from, 'window.from');
  const to = toMillis(window.to, 'window.to');
  const dates: string[] = [];
  for (let day = localDayOf(from, zone); to > from && day <= localDayOf(to - 1, zone); day++) dates.push(formatLocalDate(day));
  return dates;
}

/** A local date's whole day in the zone, [midnight, next midnight), as ISO text with offsets. */
export function dayWindow(date: string, zoneName: string): { from: string; to: string } {
  const zone = zoneNamed(zoneName);
  const day = parseLocalDate(date);
  return { from: toIso(wallToInstant(day, 0, zone), zone), to: toIso(wallToInstant(day + 1, 0, zone), zone) };
}

/** An instant as ISO text with the zone's offset, written as luxon writes it, from the engine's cached offsets. */
export const isoInZone = (instant: Date, zoneName: string): string => toIso(instant.getTime(), zoneNamed(zoneName));

const MINUTE = 60_000;

/** Minutes since local midnight in the zone, seconds and milliseconds as a fraction. */
export function localMinutesIn(zoneName: string, instant: Instant): number {
  const ms = toMillis(instant, 'instant');
  return localMinuteOfDay(ms, zoneNamed(zoneName)) + (((ms % MINUTE) + MINUTE) % MINUTE) / MINUTE;
}
