import type { Availability } from '@landraeume/shared';
import { describe, expect, it } from 'vitest';
import { calendarEvents, pickedRange } from './calendar-events';

const labels = { busy: (name: string) => `Belegt: ${name}`, full: 'Ausgebucht', closed: 'Geschlossen', free: 'frei' };
const slot = (start: string, end: string, free: number) => ({ start, end, freeDesks: free, freeUnits: free });

/** The week of 2026-10-25, when the clocks go back: a room busy across the doubled hour. */
const week: Availability = {
  spaceId: '00000000-0000-4000-8000-000000000001',
  zone: 'Europe/Berlin',
  slotMinutes: 60,
  from: '2026-10-19T00:00:00+02:00',
  to: '2026-10-26T00:00:00+01:00',
  resources: [{ resourceId: '00000000-0000-4000-8000-000000000002', free: [], busy: [{ start: '2026-10-25T01:00:00+02:00', end: '2026-10-25T02:00:00+02:00' }, { start: '2026-10-25T02:00:00+02:00', end: '2026-10-25T02:00:00+01:00' }, { start: '2026-10-25T02:00:00+01:00', end: '2026-10-25T04:00:00+01:00' }] }],
  slots: [
    slot('2026-10-25T00:00:00+02:00', '2026-10-25T01:00:00+02:00', 1),
    slot('2026-10-25T01:00:00+02:00', '2026-10-25T02:00:00+02:00', 0),
    slot('2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00', 0),
    slot('2026-10-25T02:00:00+01:00', '2026-10-25T03:00:00+01:00', 0),
    slot('2026-10-25T03:00:00+01:00', '2026-10-25T04:00:00+01:00', 0),
    slot('2026-10-25T04:00:00+01:00', '2026-10-25T05:00:00+01:00', 1),
  ],
  days: [
    { date: '2026-10-24', open: false, wholeDayFree: 0 },
    { date: '2026-10-25', open: true, wholeDayFree: 0 },
  ],
};

describe('the week calendar on the DST week', () => {
  it('shows a room busy 01:00–04:00 on 2026-10-25 as one span of four real hours', () => {
    const { events } = calendarEvents(week, [{ id: '00000000-0000-4000-8000-000000000002', name: 'Saal' }], false, labels);
    const busy = events.filter((e) => e.kind === 'busy');
    expect(busy).toHaveLength(1);
    expect(busy[0]!.title).toBe('Belegt: Saal');
    expect(busy[0]!.start.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(busy[0]!.end.toISOString()).toBe('2026-10-25T03:00:00.000Z');
    expect((busy[0]!.end.getTime() - busy[0]!.start.getTime()) / 3_600_000).toBe(4);
  });

  it('shades a closed day over the shown hours, and marks desks fully booked only when none is free', () => {
    const { events, background } = calendarEvents(week, [], true, labels);
    const closed = background.find((e) => e.kind === 'closed')!;
    // 06:00–23:00 local on Saturday 2026-10-24, still summer time.
    expect([closed.start.toISOString(), closed.end.toISOString()]).toEqual(['2026-10-24T04:00:00.000Z', '2026-10-24T21:00:00.000Z']);
    expect(events.map((e) => [e.kind, e.start.toISOString(), e.end.toISOString()])).toEqual([['full', '2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]);
    expect(background.filter((e) => e.kind === 'free').map((e) => e.start.toISOString())).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T03:00:00.000Z']);
  });

  it('turns a picked range into local times of the space, on both DST days', () => {
    expect(pickedRange(new Date('2026-10-25T00:00:00Z'), new Date('2026-10-25T03:00:00Z'), 'Europe/Berlin')).toEqual({ start: '2026-10-25T02:00:00+02:00', end: '2026-10-25T04:00:00+01:00', day: '2026-10-25' });
    expect(pickedRange(new Date('2026-03-29T00:30:00Z'), new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({ start: '2026-03-29T01:30:00+01:00', end: '2026-03-29T03:30:00+02:00', day: '2026-03-29' });
  });
});
