import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  computeAvailability,
  type AvailabilityInput,
  type AvailabilityResource,
  type Claim,
  type IsoWeekday,
  type Slot,
  type SlotMinutes,
} from './availability';
import { buildCalendar, type Calendar } from './calendar';
import { covers, type Span } from './intervals';
import { toMillis } from './local-time';
import { computeSlots } from './slots';

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;

// ---------------------------------------------------------------------------------------------
// Reference: the slot grid as it was before the sweep. Every UTC quarter hour of the open time
// asks luxon for its local minute, and every slot binary-searches every resource's free spans.
// ---------------------------------------------------------------------------------------------

function referenceSlots(calendar: Calendar, slotMinutes: SlotMinutes): Slot[] {
  const { tree, free } = calendar;
  const local = (t: number) => DateTime.fromMillis(t, { zone: calendar.zone });
  const deskFree = [...tree.byId.values()].filter((r) => r.kind === 'desk').map((r) => free.get(r.id)!);
  const leafFree = tree.leaves.map((id) => free.get(id)!);
  const slots: Slot[] = [];
  for (const [from, to] of calendar.open) {
    const boundaries: number[] = [];
    for (let t = Math.ceil(from / QUARTER_HOUR) * QUARTER_HOUR; t <= to; t += QUARTER_HOUR) {
      if ((local(t).hour * 60 + local(t).minute) % slotMinutes === 0) boundaries.push(t);
    }
    for (let i = 1; i < boundaries.length; i++) {
      const slot: Span = [boundaries[i - 1]!, boundaries[i]!];
      slots.push({
        start: local(slot[0]).toISO({ suppressMilliseconds: true })!,
        end: local(slot[1]).toISO({ suppressMilliseconds: true })!,
        freeDesks: deskFree.filter((spans) => covers(spans, slot)).length,
        freeUnits: leafFree.filter((spans) => covers(spans, slot)).length,
      });
    }
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Random spaces in zones with whole-hour, half-hour and quarter-hour offsets and transitions
// (Lord Howe moves its clock by 30 minutes, Samoa by a day), windows round them, desks, halls in
// parts whose parts may be divided again, inactive resources, closures of any resource.
// ---------------------------------------------------------------------------------------------

const ZONES: Record<string, string[]> = {
  'Europe/Berlin': ['2026-03-29', '2026-10-25'],
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'],
  'America/St_Johns': ['2026-03-08', '2026-11-01'],
  'Asia/Kathmandu': ['2026-06-01'],
  // Samoa moved across the date line: 2011-12-30 never happened there.
  'Pacific/Apia': ['2011-12-29', '2011-12-31'],
};

const place = fc.constantFrom(...Object.keys(ZONES)).chain((zone) =>
  fc.record({
    zone: fc.constant(zone),
    anchor: fc.oneof(
      fc.constantFrom(...ZONES[zone]!).chain((date) => fc.integer({ min: -2, max: 0 }).map((back) => DateTime.fromISO(date, { zone }).plus({ days: back }))),
      fc.integer({ min: 0, max: 364 }).map((d) => DateTime.fromISO('2026-01-01', { zone }).plus({ days: d })),
    ),
  }),
);

const hhmm = (quarter: number) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
const opening = fc
  .record({ weekday: fc.integer({ min: 1, max: 7 }), opens: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 1, max: 96 }) })
  .map(({ weekday, opens, length }) => ({ weekday: weekday as IsoWeekday, opens: hhmm(opens), closes: hhmm(Math.min(96, opens + length)) }));

const allWeek: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const composite = fc.record({
  kind: fc.constantFrom<AvailabilityResource['kind']>('room', 'desk'),
  active: fc.boolean(),
  parts: fc.array(fc.record({ active: fc.boolean(), parts: fc.array(fc.boolean(), { maxLength: 2 }) }), { maxLength: 3 }),
});

const resourcesArb = fc
  .record({ desks: fc.array(fc.boolean(), { maxLength: 5 }), halls: fc.array(composite, { maxLength: 2 }) })
  .filter(({ desks, halls }) => desks.length + halls.length > 0)
  .map(({ desks, halls }) => {
    const resources: AvailabilityResource[] = desks.map((active, i) => ({ id: `desk-${i}`, kind: 'desk', parentId: null, active }));
    halls.forEach((hall, h) => {
      resources.push({ id: `hall-${h}`, kind: hall.kind, parentId: null, active: hall.active });
      hall.parts.forEach((part, p) => {
        resources.push({ id: `hall-${h}-${p}`, kind: 'part', parentId: `hall-${h}`, active: part.active });
        part.parts.forEach((active, q) => resources.push({ id: `hall-${h}-${p}-${q}`, kind: 'part', parentId: `hall-${h}-${p}`, active }));
      });
    });
    return resources;
  });

const inputArb: fc.Arbitrary<AvailabilityInput> = fc
  .record({
    place,
    startMinute: fc.integer({ min: 0, max: 1439 }),
    lengthMinutes: fc.oneof(fc.integer({ min: 0, max: 4 * 1440 }), fc.constantFrom(1440, 7 * 1440)),
    slotMinutes: fc.constantFrom<SlotMinutes>(15, 30, 60),
    // Round the clock, so that open time spans the transitions.
    openingHours: fc.oneof(fc.array(opening, { maxLength: 12 }), fc.constant(allWeek.map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })))),
    resources: resourcesArb,
    closures: fc.array(fc.record({ from: fc.integer({ min: -1, max: 5 }), days: fc.nat(2), pick: fc.nat() }), { maxLength: 3 }),
    holidays: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 2 }),
    claims: fc.array(
      fc.record({ at: fc.integer({ min: -1440, max: 5 * 1440 }), minutes: fc.integer({ min: 1, max: 600 }), pick: fc.nat(), as: fc.constantFrom('millis', 'iso', 'luxon') }),
      { maxLength: 10 },
    ),
  })
  .map((r) => {
    const { zone, anchor } = r.place;
    const from = anchor.plus({ minutes: r.startMinute });
    const ids = r.resources.map((res) => res.id);
    const pick = (k: number) => ids[k % ids.length]!;
    const date = (days: number) => anchor.plus({ days }).toISODate()!;
    const instant = (t: DateTime, as: string): Claim['start'] => (as === 'millis' ? t.toMillis() : as === 'iso' ? t.toISO()! : t);
    return {
      zone,
      slotMinutes: r.slotMinutes,
      window: { from: from.toISO()!, to: from.plus({ minutes: r.lengthMinutes }).toMillis() },
      openingHours: r.openingHours,
      resources: r.resources,
      closures: r.closures.map((c) => ({ startsOn: date(c.from), endsOn: date(c.from + c.days), resourceId: c.pick % 3 === 0 ? null : pick(c.pick) })),
      holidays: r.holidays.map(date),
      claims: r.claims.map((c) => {
        const start = from.plus({ minutes: c.at });
        return { unitId: pick(c.pick), start: instant(start, c.as), end: instant(start.plus({ minutes: c.minutes }), c.as) };
      }),
    };
  });

const calendarOf = (input: AvailabilityInput) => buildCalendar(input, toMillis(input.window.from, 'from'), toMillis(input.window.to, 'to'));

/** The same space in new arrays and objects, as a request without the catalog brings it. */
const copied = (input: AvailabilityInput): AvailabilityInput => ({
  ...input,
  openingHours: input.openingHours.map((h) => ({ ...h })),
  closures: input.closures.map((c) => ({ ...c })),
  resources: input.resources.map((r) => ({ ...r })),
});

describe('slots by a sweep', () => {
  it('agree with a binary search per slot and resource on a grid read from luxon', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const expected = referenceSlots(calendarOf(input), input.slotMinutes);
        expect(computeSlots(calendarOf(input), input.slotMinutes)).toEqual(expected);
        expect(computeAvailability(input).slots).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('space arrays seen before', () => {
  it('give the same answers as fresh copies, for any window', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: -3 * 1440, max: 3 * 1440 }), (input, shift) => {
        const first = computeAvailability(input);
        const from = toMillis(input.window.from, 'from') + shift * MINUTE;
        const moved = { ...input, window: { from, to: Math.max(from, toMillis(input.window.to, 'to') + shift * MINUTE) } };
        expect(computeAvailability(moved)).toEqual(computeAvailability(copied(moved)));
        expect(computeAvailability(input)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});
