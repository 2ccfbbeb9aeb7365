import type { Slot, SlotMinutes } from './availability.types';
import type { Calendar } from './calendar';
import { covers, type Span } from './intervals';
import { localMinuteOfDay, toIso } from './local-time';

const QUARTER_HOUR = 15 * 60_000;

/**
 * Slot boundaries are the instants whose local clock reads a multiple of `slotMinutes` after
 * midnight, so slots start at :00/:30 local on DST days too; a slot runs to the next boundary
 * (on 2026-03-29 the 01:30 slot ends at 03:00 CEST, 30 real minutes later, and on 2026-10-25
 * both 02:00 slots exist). Every zone offset in use is a multiple of 15 minutes, so stepping
 * through UTC quarter hours finds every boundary.
 */
function slotGrid(from: number, to: number, slotMinutes: SlotMinutes, calendar: Calendar): Span[] {
  const boundaries: number[] = [];
  for (let t = Math.ceil(from / QUARTER_HOUR) * QUARTER_HOUR; t <= to; t += QUARTER_HOUR) {
    if (localMinuteOfDay(t, calendar.zone) % slotMinutes === 0) boundaries.push(t);
  }
  return boundaries.slice(1).map((end, i): Span => [boundaries[i]!, end]);
}

/** Slots lying wholly in the space's open time, with how many desks and units are free for all of it. */
export function computeSlots(calendar: Calendar, slotMinutes: SlotMinutes): Slot[] {
  const { tree, free, zone } = calendar;
  const deskFree = [...tree.byId.values()].filter((r) => r.kind === 'desk').map((r) => free.get(r.id)!);
  const leafFree = tree.leaves.map((id) => free.get(id)!);
  const slots: Slot[] = [];
  for (const open of calendar.open) {
    for (const slot of slotGrid(open[0], open[1], slotMinutes, calendar)) {
      slots.push({
        start: toIso(slot[0], zone),
        end: toIso(slot[1], zone),
        freeDesks: deskFree.filter((spans) => covers(spans, slot)).length,
        freeUnits: leafFree.filter((spans) => covers(spans, slot)).length,
      });
    }
  }
  return slots;
}
