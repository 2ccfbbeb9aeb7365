import type { IANAZone } from 'luxon';
import type { Slot, SlotMinutes } from './availability.types';
import type { Calendar } from './calendar';
import type { Span } from './intervals';
import { isoWriter, localMinuteOfDay, minuteOfDayAt, steadyOffset } from './local-time';

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 86_400_000;

/**
 * Slot boundaries are the instants whose local clock reads a multiple of `slotMinutes` after
 * midnight, so slots start at :00/:30 local on DST days too; a slot runs to the next boundary
 * (on 2026-03-29 the 01:30 slot ends at 03:00 CEST, 30 real minutes later, and on 2026-10-25
 * both 02:00 slots exist). Every zone offset in use is a multiple of 15 minutes, so stepping
 * through UTC quarter hours finds every boundary. Only a UTC day with a transition asks the
 * zone per quarter hour; on any other day the clock runs with time, so the next boundary is
 * the rest of the slot away, or the day's end, where the offset is looked up again.
 */
function addSlotsWithin([from, to]: Span, slotMinutes: SlotMinutes, zone: IANAZone, starts: number[], ends: number[]): void {
  let previous = NaN;
  let dayEnd = -Infinity;
  // NaN rather than null for a day with a transition keeps the loop on plain numbers.
  let offset = NaN;
  for (let t = Math.ceil(from / QUARTER_HOUR) * QUARTER_HOUR; t <= to; ) {
    if (t >= dayEnd) {
      dayEnd = (Math.floor(t / DAY) + 1) * DAY;
      offset = steadyOffset(t, zone) ?? NaN;
    }
    const steady = !Number.isNaN(offset);
    const rest = (steady ? minuteOfDayAt(t, offset) : localMinuteOfDay(t, zone)) % slotMinutes;
    if (rest === 0) {
      if (!Number.isNaN(previous)) {
        starts.push(previous);
        ends.push(t);
      }
      previous = t;
    }
    // An offset with odd minutes (local mean time before 1900) keeps the quarter-hour steps.
    t += steady && rest % 15 === 0 ? Math.min((slotMinutes - rest) * MINUTE, dayEnd - t) : QUARTER_HOUR;
  }
}

interface Weight {
  desks: number;
  units: number;
}

/**
 * How many desks and leaf units are free for each whole slot. Resources with the same time
 * share one span list (see Calendar), so each distinct list is walked once, counting for all
 * the resources that share it; slots and spans are both sorted, so one walk suffices.
 */
function countFree(calendar: Calendar, starts: readonly number[], ends: readonly number[]): { desks: number[]; units: number[] } {
  const weights = new Map<readonly Span[], Weight>();
  const weightOf = (id: string) => {
    const spans = calendar.free.get(id)!;
    let weight = weights.get(spans);
    if (!weight) weights.set(spans, (weight = { desks: 0, units: 0 }));
    return weight;
  };
  for (const id of calendar.tree.desks) weightOf(id).desks++;
  for (const id of calendar.tree.leaves) weightOf(id).units++;

  const desks = new Array<number>(starts.length).fill(0);
  const units = new Array<number>(starts.length).fill(0);
  for (const [spans, weight] of weights) {
    let i = 0;
    for (const [spanStart, spanEnd] of spans) {
      while (i < starts.length && starts[i]! < spanStart) i++;
      for (; i < starts.length && ends[i]! <= spanEnd; i++) {
        desks[i]! += weight.desks;
        units[i]! += weight.units;
      }
    }
  }
  return { desks, units };
}

/** Slots lying wholly in the space's open time, with how many desks and units are free for all of it. */
export function computeSlots(calendar: Calendar, slotMinutes: SlotMinutes): Slot[] {
  const { zone } = calendar;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const open of calendar.open) addSlotsWithin(open, slotMinutes, zone, starts, ends);
  const free = countFree(calendar, starts, ends);
  const iso = isoWriter(zone);
  const slots: Slot[] = [];
  for (let i = 0; i < starts.length; i++) {
    // Back-to-back slots share a boundary: its text is looked up once.
    const start = i > 0 && starts[i] === ends[i - 1] ? slots[i - 1]!.end : iso(starts[i]!);
    slots.push({ start, end: iso(ends[i]!), freeDesks: free.desks[i]!, freeUnits: free.units[i]! });
  }
  return slots;
}
