import { DateTime, IANAZone } from 'luxon';
import type { Instant } from './availability.types';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A local calendar date as days since 1970-01-01. Calendar arithmetic on plain integers cannot
 * be disturbed by DST; only turning a date plus wall time into an instant needs the zone.
 */
export type DayNumber = number;

export function zoneNamed(name: string): IANAZone {
  if (!IANAZone.isValidZone(name)) throw new RangeError(`unknown time zone: ${name}`);
  return IANAZone.create(name) as IANAZone;
}

// A string without an offset names a wall time, not an instant; guessing a zone for it would
// depend on the machine the engine runs on.
const EXPLICIT_OFFSET = /T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

export function toMillis(instant: Instant, what: string): number {
  const dt =
    typeof instant !== 'string'
      ? instant
      : EXPLICIT_OFFSET.test(instant)
        ? DateTime.fromISO(instant)
        : DateTime.invalid('no offset');
  if (!dt.isValid) throw new RangeError(`${what} is not an ISO instant with offset: ${String(instant)}`);
  return dt.toMillis();
}

export function toIso(ms: number, zone: IANAZone): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
}

export function parseLocalDate(text: string): DayNumber {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches that.
  if (Number.isNaN(ms) || formatLocalDate(ms / DAY) !== text) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  }
  return ms / DAY;
}

export function formatLocalDate(day: DayNumber): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO weekday, Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The instant's local clock reading, as epoch millis of the same wall time in UTC. */
function reading(ms: number, zone: IANAZone): number {
  return ms + zone.offset(ms) * MINUTE;
}

export function localDayOf(ms: number, zone: IANAZone): DayNumber {
  return Math.floor(reading(ms, zone) / DAY);
}

export function localMinuteOfDay(ms: number, zone: IANAZone): number {
  return Math.floor((((reading(ms, zone) % DAY) + DAY) % DAY) / MINUTE);
}

/**
 * The first instant at which the local clock shows `minute` (0–1440) of `day` or later.
 *
 * One rule covers both DST transitions and keeps the mapping monotonic, so an opening's end can
 * never fall before its start:
 * - a wall time skipped when clocks spring forward (02:00–03:00 on 2026-03-29 in Berlin) maps to
 *   the switch itself (03:00 CEST), so an opening inside the gap is empty and 01:00–02:30 ends at
 *   the switch: the wall times that exist are exactly the ones covered;
 * - a wall time repeated when clocks fall back (02:00–03:00 on 2026-10-25) maps to its first
 *   occurrence, so the switch neither opens nor closes anything: 00:00–02:30 ends at the first
 *   02:30, 02:30–05:00 opens at the first 02:30 and stays open through the repeated hour.
 * Assumes at most one offset change within a day of the wall time, true of every real zone.
 */
export function wallToInstant(day: DayNumber, minute: number, zone: IANAZone): number {
  const wall = day * DAY + minute * MINUTE;
  const offsets = [...new Set([zone.offset(wall - DAY), zone.offset(wall), zone.offset(wall + DAY)])];
  const exact = offsets.map((o) => wall - o * MINUTE).filter((ms) => reading(ms, zone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  // In a gap the clock jumps over `wall` between these two bounds; find the jump.
  let lo = wall - Math.max(...offsets) * MINUTE;
  let hi = wall - Math.min(...offsets) * MINUTE;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reading(mid, zone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}
