import { DateTime, IANAZone } from 'luxon';
import type { Instant } from './availability.types';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A local calendar date as days since 1970-01-01. Calendar arithmetic on plain integers cannot
 * be disturbed by DST; only turning a date plus wall time into an instant needs the zone.
 */
export type DayNumber = number;

const zones = new Map<string, IANAZone>();

/** Checking a zone name builds an Intl formatter, which cost a twentieth of an availability request. */
export function zoneNamed(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`unknown time zone: ${name}`);
    zones.set(name, (zone = IANAZone.create(name) as IANAZone));
  }
  return zone;
}

// A string without an offset names a wall time, not an instant; guessing a zone for it would
// depend on the machine the engine runs on.
const EXPLICIT_OFFSET = /T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

// ECMAScript's own date-time format, which Date.parse reads exactly; luxon takes the rest.
const ECMASCRIPT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

// The range of a JavaScript Date: outside it no ISO text can be written.
const LAST_INSTANT = 8.64e15;

export function toMillis(instant: Instant, what: string): number {
  if (typeof instant === 'number') {
    // A fraction of a millisecond would not survive the round trip through ISO text.
    if (Number.isInteger(instant) && Math.abs(instant) <= LAST_INSTANT) return instant;
    throw new RangeError(`${what} is not a whole number of epoch milliseconds: ${instant}`);
  }
  if (typeof instant === 'string' && ECMASCRIPT_INSTANT.test(instant)) {
    const ms = Date.parse(instant);
    if (!Number.isNaN(ms)) return ms;
  }
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
const CACHE_LIMIT = 200_000;

interface ZoneCache {
  /** Per UTC day: the offset of the whole day, or null when it changes within the day. */
  days: Map<number, number | null>;
  /** Per quarter hour, for the days with a transition. */
  quarters: Map<number, number>;
  /** toIso in this zone, remembering its texts: slot boundaries repeat across resources and requests. */
  iso: (ms: number) => string;
}
const zoneCaches = new Map<string, ZoneCache>();

function cacheOf(zone: IANAZone): ZoneCache {
  let cache = zoneCaches.get(zone.name);
  if (!cache) {
    const texts = new Map<number, string>();
    const iso = (ms: number) => texts.get(ms) ?? remember(texts, ms, writeIso(ms, zone));
    zoneCaches.set(zone.name, (cache = { days: new Map(), quarters: new Map(), iso }));
  }
  return cache;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/**
 * The zone's UTC offset in minutes at an instant. Asking Intl for it is most of the engine's
 * time, and the answer only changes at transitions, which in every zone in use fall on a whole
 * quarter hour and at most once a day: a day whose start and end agree has one offset
 * throughout, and only a transition day is looked up per quarter hour.
 */
function offsetAt(zone: IANAZone, ms: number): number {
  const whole = steadyOffset(ms, zone);
  if (whole !== null) return whole;
  const { quarters } = cacheOf(zone);
  const bucket = Math.floor(ms / QUARTER_HOUR);
  return quarters.get(bucket) ?? remember(quarters, bucket, zone.offset(bucket * QUARTER_HOUR));
}

/** The zone's UTC offset in minutes throughout the UTC day of `ms`, or null when it changes within that day. */
export function steadyOffset(ms: number, zone: IANAZone): number | null {
  const { days } = cacheOf(zone);
  const day = Math.floor(ms / DAY);
  const whole = days.get(day);
  if (whole !== undefined) return whole;
  const first = zone.offset(day * DAY);
  return remember(days, day, first === zone.offset((day + 1) * DAY - QUARTER_HOUR) ? first : null);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the local offset, as luxon's toISO({ suppressMilliseconds: true }) writes it. */
export const toIso = (ms: number, zone: IANAZone): string => cacheOf(zone).iso(ms);

/** toIso for many instants of one zone: finds the zone's texts once, not per instant. */
export const isoWriter = (zone: IANAZone): ((ms: number) => string) => cacheOf(zone).iso;

function writeIso(ms: number, zone: IANAZone): string {
  const offset = offsetAt(zone, ms);
  const wall = new Date(ms + offset * MINUTE).toISOString();
  const millis = ms % 1000 === 0 ? '' : wall.slice(19, 23);
  const sign = offset < 0 ? '-' : '+';
  // Local mean time before 1893 is no whole minute off UTC (Berlin: +00:53:28); luxon writes the
  // whole minutes.
  const abs = Math.abs(offset);
  return `${wall.slice(0, 19)}${millis}${sign}${pad(Math.floor(abs / 60))}:${pad(Math.floor(abs % 60))}`;
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

// Dates repeat across requests, and Date#toISOString costs more than the rest of a day's summary.
const dateTexts = new Map<DayNumber, string>();

export function formatLocalDate(day: DayNumber): string {
  return dateTexts.get(day) ?? remember(dateTexts, day, new Date(day * DAY).toISOString().slice(0, 10));
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
  return minuteOfDayAt(ms, offsetAt(zone, ms));
}

/** localMinuteOfDay for a caller that already knows the offset, e.g. from steadyOffset. */
export function minuteOfDayAt(ms: number, offset: number): number {
  const wall = ms + offset * MINUTE;
  // Not `%`: on numbers this large V8 calls out to fmod, which made the slot grid four times slower.
  return Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE);
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
  const before = offsetAt(zone, wall - DAY);
  const at = offsetAt(zone, wall);
  const after = offsetAt(zone, wall + DAY);
  // Most days: one offset all around, so the wall time exists exactly once.
  if (before === at && at === after) return wall - at * MINUTE;
  const offsets = [...new Set([before, at, after])];
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
