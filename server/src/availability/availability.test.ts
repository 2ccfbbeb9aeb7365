import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import {
  computeAvailability,
  freeResourcesFor,
  type AvailabilityInput,
  type AvailabilityResource,
  type IsoInterval,
  type IsoWeekday,
  type OpeningInterval,
} from './availability';

const ZONE = 'Europe/Berlin';
const WEEK: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const everyDay = (opens: string, closes: string): OpeningInterval[] =>
  WEEK.map((weekday) => ({ weekday, opens, closes }));
const desk = (id: string, active = true): AvailabilityResource => ({ id, kind: 'desk', parentId: null, active });
const hall: AvailabilityResource[] = [
  { id: 'hall', kind: 'room', parentId: null, active: true },
  { id: 'third-a', kind: 'part', parentId: 'hall', active: true },
  { id: 'third-b', kind: 'part', parentId: 'hall', active: true },
  { id: 'third-c', kind: 'part', parentId: 'hall', active: true },
];

/** The local date's whole day as the window. */
function day(date: string): AvailabilityInput['window'] {
  const start = DateTime.fromISO(date, { zone: ZONE });
  return { from: start, to: start.plus({ days: 1 }) };
}

function input(overrides: Partial<AvailabilityInput>): AvailabilityInput {
  return {
    zone: ZONE,
    slotMinutes: 30,
    window: day('2026-05-14'),
    openingHours: everyDay('08:00', '18:00'),
    closures: [],
    holidays: [],
    resources: [desk('d1')],
    claims: [],
    ...overrides,
  };
}

function of(result: ReturnType<typeof computeAvailability>, id: string) {
  const found = result.resources.find((r) => r.resourceId === id);
  if (!found) throw new Error(`no resource ${id}`);
  return found;
}

const hours = (intervals: IsoInterval[]) =>
  intervals.reduce((sum, i) => sum + DateTime.fromISO(i.end).diff(DateTime.fromISO(i.start), 'hours').hours, 0);

describe('opening hours on DST days', () => {
  it.each([
    ['2026-03-29', '+02:00'],
    ['2026-10-25', '+01:00'],
  ])('keeps 08:00–18:00 local on %s: 10 hours, 20 half-hour slots', (date, offset) => {
    const result = computeAvailability(input({ window: day(date) }));
    expect(of(result, 'd1').free).toEqual([{ start: `${date}T08:00:00${offset}`, end: `${date}T18:00:00${offset}` }]);
    expect(hours(of(result, 'd1').free)).toBe(10);
    expect(result.slots).toHaveLength(20);
    expect(result.slots[0]).toEqual({
      start: `${date}T08:00:00${offset}`,
      end: `${date}T08:30:00${offset}`,
      freeDesks: 1,
      freeUnits: 1,
    });
  });

  it.each([
    ['2026-03-29', 23, 30, 46],
    ['2026-03-29', 23, 60, 23],
    ['2026-03-29', 23, 15, 92],
    ['2026-10-25', 25, 30, 50],
    ['2026-10-25', 25, 60, 25],
  ] as const)('opens %s round the clock: %i hours, %i-minute slots: %i', (date, length, slotMinutes, count) => {
    const result = computeAvailability(input({ window: day(date), openingHours: everyDay('00:00', '24:00'), slotMinutes }));
    expect(hours(of(result, 'd1').free)).toBe(length);
    expect(result.slots).toHaveLength(count);
  });

  it('starts slots on local half hours across the spring gap', () => {
    const result = computeAvailability(input({ window: day('2026-03-29'), openingHours: everyDay('00:00', '24:00') }));
    expect(result.slots.map((s) => s.start).slice(2, 5)).toEqual([
      '2026-03-29T01:00:00+01:00',
      '2026-03-29T01:30:00+01:00',
      '2026-03-29T03:00:00+02:00',
    ]);
    expect(result.slots[3]!.end).toBe('2026-03-29T03:00:00+02:00');
  });

  it('lists both 02:00 slots when the hour repeats in autumn', () => {
    const result = computeAvailability(
      input({ window: day('2026-10-25'), openingHours: everyDay('00:00', '24:00'), slotMinutes: 60 }),
    );
    expect(result.slots.map((s) => s.start).slice(1, 4)).toEqual([
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:00:00+01:00',
    ]);
  });

  it('treats skipped wall times as the switch itself: an opening inside the gap is empty', () => {
    const result = computeAvailability(
      input({ window: day('2026-03-29'), openingHours: [{ weekday: 7, opens: '02:00', closes: '03:00' }] }),
    );
    expect(of(result, 'd1').free).toEqual([]);
    expect(result.slots).toEqual([]);
    expect(result.days).toEqual([{ date: '2026-03-29', open: false, wholeDayFree: 0 }]);
  });

  it('ends an opening that closes inside the gap at the switch', () => {
    const result = computeAvailability(
      input({ window: day('2026-03-29'), openingHours: [{ weekday: 7, opens: '01:00', closes: '02:30' }] }),
    );
    expect(of(result, 'd1').free).toEqual([{ start: '2026-03-29T01:00:00+01:00', end: '2026-03-29T03:00:00+02:00' }]);
  });

  it('keeps the space as it was when the clock goes back: boundaries in the repeated hour use its first pass', () => {
    const result = computeAvailability(
      input({
        window: day('2026-10-25'),
        openingHours: [
          { weekday: 7, opens: '00:00', closes: '02:30' },
          { weekday: 7, opens: '04:00', closes: '24:00' },
        ],
      }),
    );
    expect(of(result, 'd1').free[0]).toEqual({ start: '2026-10-25T00:00:00+02:00', end: '2026-10-25T02:30:00+02:00' });
    const later = computeAvailability(
      input({ window: day('2026-10-25'), openingHours: [{ weekday: 7, opens: '02:30', closes: '05:00' }] }),
    );
    expect(of(later, 'd1').free).toEqual([{ start: '2026-10-25T02:30:00+02:00', end: '2026-10-25T05:00:00+01:00' }]);
  });
});

describe('slot grid', () => {
  it('aligns to local midnight, not to UTC, in a zone with a half-hour offset', () => {
    const start = DateTime.fromISO('2026-05-14', { zone: 'Asia/Kolkata' });
    const result = computeAvailability(
      input({
        zone: 'Asia/Kolkata',
        window: { from: start, to: start.plus({ days: 1 }) },
        openingHours: everyDay('08:00', '10:00'),
        slotMinutes: 60,
      }),
    );
    expect(result.slots.map((s) => s.start)).toEqual(['2026-05-14T08:00:00+05:30', '2026-05-14T09:00:00+05:30']);
  });

  it('leaves out slots cut by the edge of open time', () => {
    const result = computeAvailability(input({ openingHours: everyDay('08:15', '09:45'), slotMinutes: 30 }));
    expect(result.slots.map((s) => s.start)).toEqual(['2026-05-14T08:30:00+02:00', '2026-05-14T09:00:00+02:00']);
  });
});

describe('openings across midnight', () => {
  const lateNight: OpeningInterval[] = [
    { weekday: 5, opens: '22:00', closes: '24:00' },
    { weekday: 6, opens: '00:00', closes: '02:00' },
  ];
  const window = { from: '2026-06-12T00:00:00+02:00', to: '2026-06-14T00:00:00+02:00' };

  it('joins 22:00–24:00 and 00:00–02:00 into one free interval', () => {
    const result = computeAvailability(input({ window, openingHours: lateNight, slotMinutes: 60 }));
    expect(of(result, 'd1').free).toEqual([{ start: '2026-06-12T22:00:00+02:00', end: '2026-06-13T02:00:00+02:00' }]);
    expect(result.slots.map((s) => s.start)).toEqual([
      '2026-06-12T22:00:00+02:00',
      '2026-06-12T23:00:00+02:00',
      '2026-06-13T00:00:00+02:00',
      '2026-06-13T01:00:00+02:00',
    ]);
  });

  it('counts each half for its own date', () => {
    const claim = { unitId: 'd1', start: '2026-06-12T23:00:00+02:00', end: '2026-06-12T23:30:00+02:00' };
    const result = computeAvailability(input({ window, openingHours: lateNight, claims: [claim] }));
    expect(result.days).toEqual([
      { date: '2026-06-12', open: true, wholeDayFree: 0 },
      { date: '2026-06-13', open: true, wholeDayFree: 1 },
    ]);
  });
});

describe('claims', () => {
  it('shows busy time even outside opening hours, clipped to the window, and never as free', () => {
    const result = computeAvailability(
      input({ claims: [{ unitId: 'd1', start: '2026-05-13T20:00:00+02:00', end: '2026-05-14T09:00:00+02:00' }] }),
    );
    expect(of(result, 'd1').busy).toEqual([{ start: '2026-05-14T00:00:00+02:00', end: '2026-05-14T09:00:00+02:00' }]);
    expect(of(result, 'd1').free).toEqual([{ start: '2026-05-14T09:00:00+02:00', end: '2026-05-14T18:00:00+02:00' }]);
    expect(result.slots).toHaveLength(20);
    expect(result.slots.filter((s) => s.freeDesks === 0)).toHaveLength(2);
  });

  it('merges overlapping and touching claims and accepts luxon DateTimes and UTC strings', () => {
    const start = DateTime.fromISO('2026-05-14T10:00:00', { zone: ZONE });
    const result = computeAvailability(
      input({
        claims: [
          { unitId: 'd1', start, end: start.plus({ hours: 1 }) },
          { unitId: 'd1', start: '2026-05-14T09:00:00Z', end: '2026-05-14T09:30:00Z' },
          { unitId: 'd1', start: '2026-05-14T10:30:00+02:00', end: '2026-05-14T11:30:00+02:00' },
        ],
      }),
    );
    expect(of(result, 'd1').busy).toEqual([{ start: '2026-05-14T10:00:00+02:00', end: '2026-05-14T11:30:00+02:00' }]);
  });

  it('ignores claims of resources it was not given', () => {
    const result = computeAvailability(
      input({ claims: [{ unitId: 'gone', start: '2026-05-14T10:00:00+02:00', end: '2026-05-14T11:00:00+02:00' }] }),
    );
    expect(of(result, 'd1').free).toHaveLength(1);
  });
});

describe('closures and holidays', () => {
  const twoDesks = [desk('d1'), desk('d2')];

  it('closes only the resource a closure names', () => {
    const result = computeAvailability(
      input({ resources: twoDesks, closures: [{ startsOn: '2026-05-14', endsOn: '2026-05-14', resourceId: 'd1' }] }),
    );
    expect(of(result, 'd1').free).toEqual([]);
    expect(of(result, 'd2').free).toHaveLength(1);
    expect(result.slots.every((s) => s.freeDesks === 1)).toBe(true);
    expect(result.days).toEqual([{ date: '2026-05-14', open: true, wholeDayFree: 1 }]);
  });

  it('closes the whole space for a closure without resource, over all its dates', () => {
    const result = computeAvailability(
      input({
        resources: twoDesks,
        window: { from: '2026-05-13T00:00:00+02:00', to: '2026-05-16T00:00:00+02:00' },
        closures: [{ startsOn: '2026-05-14', endsOn: '2026-05-15', resourceId: null }],
      }),
    );
    expect(of(result, 'd1').free).toEqual([{ start: '2026-05-13T08:00:00+02:00', end: '2026-05-13T18:00:00+02:00' }]);
    expect(result.slots).toHaveLength(20);
    expect(result.days.map((d) => d.open)).toEqual([true, false, false]);
    expect(result.days.map((d) => d.wholeDayFree)).toEqual([2, 0, 0]);
  });

  it('closes the space on holidays', () => {
    const result = computeAvailability(
      input({ window: { from: '2026-05-01T00:00:00+02:00', to: '2026-05-03T00:00:00+02:00' }, holidays: ['2026-05-01'] }),
    );
    expect(of(result, 'd1').free).toEqual([{ start: '2026-05-02T08:00:00+02:00', end: '2026-05-02T18:00:00+02:00' }]);
    expect(result.days).toEqual([
      { date: '2026-05-01', open: false, wholeDayFree: 0 },
      { date: '2026-05-02', open: true, wholeDayFree: 1 },
    ]);
  });
});

describe('divisible hall', () => {
  const thirdA = { unitId: 'third-a', start: '2026-05-14T10:00:00+02:00', end: '2026-05-14T12:00:00+02:00' };

  it('makes the whole busy when one third is booked, the other thirds stay free', () => {
    const result = computeAvailability(input({ resources: hall, claims: [thirdA] }));
    const busy = [{ start: '2026-05-14T10:00:00+02:00', end: '2026-05-14T12:00:00+02:00' }];
    const around = [
      { start: '2026-05-14T08:00:00+02:00', end: '2026-05-14T10:00:00+02:00' },
      { start: '2026-05-14T12:00:00+02:00', end: '2026-05-14T18:00:00+02:00' },
    ];
    expect(of(result, 'hall')).toEqual({ resourceId: 'hall', free: around, busy });
    expect(of(result, 'third-a')).toEqual({ resourceId: 'third-a', free: around, busy });
    expect(of(result, 'third-b').free).toEqual([{ start: '2026-05-14T08:00:00+02:00', end: '2026-05-14T18:00:00+02:00' }]);
    expect(of(result, 'third-b').busy).toEqual([]);
    const at10 = result.slots.find((s) => s.start === '2026-05-14T10:00:00+02:00');
    expect(at10).toMatchObject({ freeUnits: 2, freeDesks: 0 });
    expect(result.days).toEqual([{ date: '2026-05-14', open: true, wholeDayFree: 0 }]);
    const context = input({ resources: hall, claims: [thirdA] });
    expect(freeResourcesFor(context, '2026-05-14T10:00:00+02:00', '2026-05-14T11:00:00+02:00')).toEqual([
      'third-b',
      'third-c',
    ]);
  });

  it('leaves a third free when another third is booked', () => {
    const context = input({ resources: hall, claims: [{ ...thirdA, unitId: 'third-b' }] });
    expect(freeResourcesFor(context, '2026-05-14T10:00:00+02:00', '2026-05-14T12:00:00+02:00')).toEqual([
      'third-a',
      'third-c',
    ]);
    expect(freeResourcesFor(context, '2026-05-14T12:00:00+02:00', '2026-05-14T13:00:00+02:00')).toEqual([
      'hall',
      'third-a',
      'third-b',
      'third-c',
    ]);
  });

  it('has booking the whole occupy every third, also when the claim names the hall', () => {
    const result = computeAvailability(input({ resources: hall, claims: [{ ...thirdA, unitId: 'hall' }] }));
    for (const id of ['third-a', 'third-b', 'third-c']) expect(of(result, id).busy).toHaveLength(1);
  });

  it('closes the parts with the hall, and the hall with any part', () => {
    const onHall = computeAvailability(
      input({ resources: hall, closures: [{ startsOn: '2026-05-14', endsOn: '2026-05-14', resourceId: 'hall' }] }),
    );
    expect(onHall.resources.every((r) => r.free.length === 0)).toBe(true);
    const onPart = computeAvailability(
      input({ resources: hall, closures: [{ startsOn: '2026-05-14', endsOn: '2026-05-14', resourceId: 'third-c' }] }),
    );
    expect(onPart.resources.filter((r) => r.free.length > 0).map((r) => r.resourceId)).toEqual(['third-a', 'third-b']);
  });

  it('cannot be booked whole while one third is inactive', () => {
    const resources = hall.map((r) => (r.id === 'third-b' ? { ...r, active: false } : r));
    const result = computeAvailability(input({ resources }));
    expect(result.resources.filter((r) => r.free.length > 0).map((r) => r.resourceId)).toEqual(['third-a', 'third-c']);
  });
});

describe('inactive desk', () => {
  it('is never free and not counted, but its claims still show', () => {
    const claim = { unitId: 'd2', start: '2026-05-14T09:00:00+02:00', end: '2026-05-14T10:00:00+02:00' };
    const result = computeAvailability(input({ resources: [desk('d1'), desk('d2', false)], claims: [claim] }));
    expect(of(result, 'd2').free).toEqual([]);
    expect(of(result, 'd2').busy).toEqual([{ start: claim.start, end: claim.end }]);
    expect(result.slots.every((s) => s.freeDesks === 1 && s.freeUnits === 1)).toBe(true);
    expect(result.days[0]!.wholeDayFree).toBe(1);
  });
});

describe('windows', () => {
  it('clips free time and days to a window that cuts a day', () => {
    const result = computeAvailability(
      input({ window: { from: '2026-05-14T12:15:00+02:00', to: '2026-05-15T09:00:00+02:00' } }),
    );
    expect(of(result, 'd1').free).toEqual([
      { start: '2026-05-14T12:15:00+02:00', end: '2026-05-14T18:00:00+02:00' },
      { start: '2026-05-15T08:00:00+02:00', end: '2026-05-15T09:00:00+02:00' },
    ]);
    expect(result.slots[0]!.start).toBe('2026-05-14T12:30:00+02:00');
    expect(result.slots).toHaveLength(11 + 2);
    expect(result.days.map((d) => d.date)).toEqual(['2026-05-14', '2026-05-15']);
  });

  it('has nothing in an empty window', () => {
    const at = '2026-05-14T12:00:00+02:00';
    const result = computeAvailability(input({ window: { from: at, to: at } }));
    expect(result).toEqual({ resources: [{ resourceId: 'd1', free: [], busy: [] }], slots: [], days: [] });
  });
});

describe('invalid input', () => {
  it.each<[string, Partial<AvailabilityInput>]>([
    ['an instant without offset', { window: { from: '2026-05-14T08:00', to: '2026-05-15T08:00:00Z' } }],
    ['a window ending before it starts', { window: { from: '2026-05-15T00:00:00Z', to: '2026-05-14T00:00:00Z' } }],
    ['an unknown zone', { zone: 'Europe/Coesfeld' }],
    ['an opening ending before it starts', { openingHours: [{ weekday: 1, opens: '22:00', closes: '02:00' }] }],
    ['an opening after 24:00', { openingHours: [{ weekday: 1, opens: '08:00', closes: '24:30' }] }],
    ['an impossible date', { holidays: ['2026-02-30'] }],
    ['a part of an unknown resource', { resources: [{ id: 'p', kind: 'part', parentId: 'x', active: true }] }],
    ['a slot length off the grid', { slotMinutes: 20 as 30 }],
  ])('rejects %s', (_, overrides) => {
    expect(() => computeAvailability(input(overrides))).toThrow(RangeError);
  });

  it('rejects an empty interval to look up', () => {
    expect(() => freeResourcesFor(input({}), '2026-05-14T10:00:00Z', '2026-05-14T10:00:00Z')).toThrow(RangeError);
  });
});
