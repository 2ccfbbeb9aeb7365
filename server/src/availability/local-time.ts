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

const QUARTER_HOUR = 15 * MINUTE;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in minutes at an instant. Asking Intl for it is most of the engine's
 * time, and the answer only changes at transitions, which in every zone in use fall on a whole
 * quarter hour: one lookup per zone and quarter hour serves every instant in it.
 */
function offsetAt(zone: IANAZone, ms: number): number {
  let cache = offsetCache.get(zone.name);
  if (!cache) offsetCache.set(zone.name, (cache = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    if (cache.size > 200_000) cache.clear();
    offset = zone.offset(bucket * QUARTER_HOUR);
    cache.set(bucket, offset);
  }
  return offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the local offset, as luxon's toISO({ suppressMilliseconds: true }) writes it. */
export function toIso(ms: number, zone: IANAZone): string {
  const offset = offsetAt(zone, ms);
  const wall = new Date(ms + offset * MINUTE).toISOString();
  const millis = ms % 1000 === 0 ? '' : wall.slice(19, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.slice(0, 19)}${millis}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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
  return ms + offsetAt(zone, ms) * MINUTE;
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
  const offsets = [...new Set([offsetAt(zone, wall - DAY), offsetAt(zone, wall), offsetAt(zone, wall + DAY)])];
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
