import { DateTime } from 'luxon';

/** How many alternatives the booker is offered. */
export const ALTERNATIVES = 3;

export interface Slot {
  start: string;
  end: string;
}

/**
 * Free windows of the wanted length within the day's free slots, earliest first. Lengths are
 * real minutes and ends are given in the space's zone, so a window across a DST switch ends at
 * the wall-clock time the booker will see.
 */
export function freeWindows(free: Slot[], minutes: number, zone: string): Slot[] {
  const windows: Slot[] = [];
  for (let i = 0; i < free.length && windows.length < ALTERNATIVES; i++) {
    const start = DateTime.fromISO(free[i]!.start, { zone });
    const wantedEnd = start.plus({ minutes });
    let reached = DateTime.fromISO(free[i]!.end, { zone });
    for (let j = i + 1; j < free.length && reached < wantedEnd && free[j]!.start === free[j - 1]!.end; j++) reached = DateTime.fromISO(free[j]!.end, { zone });
    if (reached >= wantedEnd) windows.push({ start: free[i]!.start, end: start.plus({ minutes }).toISO({ suppressMilliseconds: true })! });
  }
  return windows;
}

