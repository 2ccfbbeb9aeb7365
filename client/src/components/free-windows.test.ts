import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { freeWindows, type Slot } from './free-windows';

/** Half-hour slots of a local day in Europe/Berlin, as the availability API lists them. */
function slots(day: string, from: string, to: string, skip: string[] = []): Slot[] {
  const out: Slot[] = [];
  let at = DateTime.fromISO(`${day}T${from}`, { zone: 'Europe/Berlin' });
  const end = DateTime.fromISO(`${day}T${to}`, { zone: 'Europe/Berlin' });
  while (at < end) {
    const next = at.plus({ minutes: 30 });
    if (!skip.includes(at.toFormat('HH:mm'))) out.push({ start: at.toISO({ suppressMilliseconds: true })!, end: next.toISO({ suppressMilliseconds: true })! });
    at = next;
  }
  return out;
}

describe('free windows offered when a slot was just taken', () => {
  it('offers the first windows of the wanted length, skipping gaps too short for it', () => {
    const free = slots('2026-12-08', '08:00', '12:00', ['09:00', '10:30']);
    expect(freeWindows(free, 60, 'Europe/Berlin')).toEqual([
      { start: '2026-12-08T08:00:00+01:00', end: '2026-12-08T09:00:00+01:00' },
      { start: '2026-12-08T09:30:00+01:00', end: '2026-12-08T10:30:00+01:00' },
      { start: '2026-12-08T11:00:00+01:00', end: '2026-12-08T12:00:00+01:00' },
    ]);
    expect(freeWindows(free, 120, 'Europe/Berlin')).toEqual([]);
  });

  it('counts real minutes across the night the clocks go back (2026-10-25)', () => {
    // 00:00–04:00 local is five hours that night: 02:00–03:00 happens twice.
    const free = slots('2026-10-25', '00:00', '04:00');
    expect(free).toHaveLength(10);
    const [first, second] = freeWindows(free, 180, 'Europe/Berlin');
    expect(first).toEqual({ start: '2026-10-25T00:00:00+02:00', end: '2026-10-25T02:00:00+01:00' });
    expect(second).toEqual({ start: '2026-10-25T00:30:00+02:00', end: '2026-10-25T02:30:00+01:00' });
  });

  it('counts real minutes on the day the clocks go forward (2026-03-29)', () => {
    const free = slots('2026-03-29', '01:00', '05:00');
    expect(free).toHaveLength(6);
    expect(freeWindows(free, 120, 'Europe/Berlin')[0]).toEqual({ start: '2026-03-29T01:00:00+01:00', end: '2026-03-29T04:00:00+02:00' });
  });
});
