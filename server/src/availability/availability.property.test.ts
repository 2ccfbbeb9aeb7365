import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  computeAvailability,
  freeResourcesFor,
  unitsFreeThroughout,
  type AvailabilityInput,
  type AvailabilityResource,
  type AvailabilityResult,
  type Claim,
  type Closure,
  type IsoInterval,
  type IsoWeekday,
  type SlotMinutes,
} from './availability';

const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const NUM_RUNS = 100;

// ---------------------------------------------------------------------------------------------
// Reference: walks the window minute by minute and asks luxon for each minute's local reading.
// Its DST rule is stated differently from the engine's (instead of mapping wall times to
// instants it reads the clock): skipped wall times never show up on the clock, and during the
// repeated autumn hour the clock counts as stuck at the last minute before the switch.
// ---------------------------------------------------------------------------------------------

interface Reading {
  date: string;
  weekday: number;
  minuteOfDay: number;
  offset: number;
}

// Runs share many minutes (windows cluster round the DST days), and luxon is the slow part.
const readings = new Map<number, Reading>();

function clockAt(t: number): Reading {
  let reading = readings.get(t);
  if (!reading) {
    const local = DateTime.fromMillis(t, { zone: ZONE });
    const minuteOfDay = local.hour * 60 + local.minute;
    reading = { date: local.toISODate()!, weekday: local.weekday, minuteOfDay, offset: local.offset };
    if (readings.size > 200_000) readings.clear();
    readings.set(t, reading);
  }
  return reading;
}

/** The clock reading an hour ago equals this one: the second pass through the repeated hour. */
const secondPass = (now: Reading, hourAgo: Reading) => hourAgo.offset - now.offset === 60;

function effectiveClockAt(t: number): Reading {
  const now = clockAt(t);
  return secondPass(now, clockAt(t - 60 * MINUTE)) ? effectiveClockAt(t - MINUTE) : now;
}

/** effectiveClockAt for consecutive minutes, reusing readings to keep luxon calls down. */
function effectiveClocks(minutes: number[], raw: Reading[]): Reading[] {
  const out: Reading[] = [];
  raw.forEach((now, i) => {
    const hourAgo = i >= 60 ? raw[i - 60]! : clockAt(minutes[i]! - 60 * MINUTE);
    out.push(!secondPass(now, hourAgo) ? now : i > 0 ? out[i - 1]! : effectiveClockAt(minutes[i]!));
  });
  return out;
}

const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const weeklyOpen = (input: AvailabilityInput, c: Reading) =>
  input.openingHours.some(
    (h) => h.weekday === c.weekday && clockMinutes(h.opens) <= c.minuteOfDay && c.minuteOfDay < clockMinutes(h.closes),
  );
const within = (c: Closure, date: string) => c.startsOn <= date && date <= c.endsOn;
const millis = (instant: Claim['start']) =>
  typeof instant === 'number' ? instant : (typeof instant === 'string' ? DateTime.fromISO(instant) : instant).toMillis();
const iso = (t: number) => DateTime.fromMillis(t, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;

function runs(flags: boolean[], from: number): IsoInterval[] {
  const out: IsoInterval[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i] || flags[i - 1]) continue;
    let j = i;
    while (flags[j]) j++;
    out.push({ start: iso(from + i * MINUTE), end: iso(from + j * MINUTE) });
  }
  return out;
}

function reference(input: AvailabilityInput): AvailabilityResult {
  const from = millis(input.window.from);
  const n = (millis(input.window.to) - from) / MINUTE;
  const minutes = Array.from({ length: n }, (_, i) => from + i * MINUTE);
  const raw = minutes.map(clockAt);
  const clocks = effectiveClocks(minutes, raw);
  const spaceOpen = clocks.map(
    (c) =>
      weeklyOpen(input, c) &&
      !input.holidays.includes(c.date) &&
      !input.closures.some((cl) => cl.resourceId === null && within(cl, c.date)),
  );

  const { resources } = input;
  const claims = input.claims.map((c) => ({ unitId: c.unitId, start: millis(c.start), end: millis(c.end) }));
  const lineage = (r: AvailabilityResource): AvailabilityResource[] => {
    const parent = resources.find((p) => p.id === r.parentId);
    return parent ? [r, ...lineage(parent)] : [r];
  };
  const leavesOf = (r: AvailabilityResource): AvailabilityResource[] => {
    const parts = resources.filter((p) => p.parentId === r.id);
    return parts.length === 0 ? [r] : parts.flatMap(leavesOf);
  };
  const leaves = resources.filter((r) => leavesOf(r)[0] === r);
  const leafBusy = new Map(
    leaves.map((leaf) => {
      const ids = lineage(leaf).map((a) => a.id);
      const own = claims.filter((c) => ids.includes(c.unitId));
      return [leaf.id, minutes.map((t) => own.some((c) => c.start <= t && t < c.end))];
    }),
  );
  const leafFree = new Map(
    leaves.map((leaf) => {
      const line = lineage(leaf);
      const closed = (date: string) =>
        input.closures.some((c) => line.some((a) => a.id === c.resourceId) && within(c, date));
      const active = line.every((a) => a.active);
      const busy = leafBusy.get(leaf.id)!;
      return [leaf.id, minutes.map((_, i) => active && spaceOpen[i]! && !closed(clocks[i]!.date) && !busy[i])];
    }),
  );

  const perMinute = (r: AvailabilityResource, of: Map<string, boolean[]>, all: boolean) => {
    const rows = leavesOf(r).map((l) => of.get(l.id)!);
    return minutes.map((_, i) => (all ? rows.every((row) => row[i]) : rows.some((row) => row[i])));
  };
  const free = new Map(resources.map((r) => [r.id, perMinute(r, leafFree, true)]));
  const busy = new Map(resources.map((r) => [r.id, perMinute(r, leafBusy, false)]));
  const freeThroughout = (id: string, from: number, to: number) => free.get(id)!.slice(from, to).every(Boolean);

  const slots: AvailabilityResult['slots'] = [];
  const slot = input.slotMinutes;
  minutes.forEach((t, i) => {
    if (raw[i]!.minuteOfDay % slot !== 0 || i + slot > n || !spaceOpen.slice(i, i + slot).every(Boolean)) return;
    slots.push({
      start: iso(t),
      end: iso(t + slot * MINUTE),
      freeDesks: resources.filter((r) => r.kind === 'desk' && freeThroughout(r.id, i, i + slot)).length,
      freeUnits: leaves.filter((r) => freeThroughout(r.id, i, i + slot)).length,
    });
  });

  const dates = [...new Set(clocks.map((c) => c.date))];
  const days = dates.map((date) => {
    const open = minutes.map((_, i) => i).filter((i) => clocks[i]!.date === date && spaceOpen[i]);
    const topFree = resources.filter((r) => r.parentId === null && open.every((i) => free.get(r.id)![i])).length;
    return { date, open: open.length > 0, wholeDayFree: open.length > 0 ? topFree : 0 };
  });

  return {
    resources: resources.map((r) => ({
      resourceId: r.id,
      free: runs(free.get(r.id)!, from),
      busy: runs(busy.get(r.id)!, from),
    })),
    slots,
    days,
  };
}

// ---------------------------------------------------------------------------------------------
// Random spaces: a few desks and a room that may be divided, hours on a half-hour grid (so the
// DST hour 02:00–03:00 is hit), everything else on a five-minute grid.
// ---------------------------------------------------------------------------------------------

const shiftDate = (date: string, days: number) => DateTime.fromISO(date).plus({ days }).toISODate()!;
// Half the windows start on or just before a DST Sunday, so both switches fall inside them.
const anchor = fc.oneof(
  fc.constantFrom('2026-03-27', '2026-03-28', '2026-03-29', '2026-10-23', '2026-10-24', '2026-10-25'),
  fc.integer({ min: 0, max: 364 }).map((d) => shiftDate('2026-01-01', d)),
);

const opening = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    opens: fc.integer({ min: 0, max: 47 }),
    length: fc.integer({ min: 1, max: 48 }),
  })
  .map(({ weekday, opens, length }) => {
    const hhmm = (half: number) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`;
    return { weekday: weekday as IsoWeekday, opens: hhmm(opens), closes: hhmm(Math.min(48, opens + length)) };
  });

const resourcesArb = fc
  .record({
    desks: fc.array(fc.boolean(), { maxLength: 3 }),
    room: fc.option(fc.record({ active: fc.boolean(), parts: fc.array(fc.boolean(), { maxLength: 3 }) })),
  })
  .filter(({ desks, room }) => desks.length > 0 || room !== null)
  .map(({ desks, room }): AvailabilityResource[] => [
    ...desks.map((active, i): AvailabilityResource => ({ id: `desk-${i}`, kind: 'desk', parentId: null, active })),
    ...(room
      ? [
          { id: 'room', kind: 'room' as const, parentId: null, active: room.active },
          ...room.parts.map(
            (active, i): AvailabilityResource => ({ id: `part-${i}`, kind: 'part', parentId: 'room', active }),
          ),
        ]
      : []),
  ]);

const inputArb: fc.Arbitrary<AvailabilityInput> = fc
  .record({
    anchor,
    startStep: fc.integer({ min: 0, max: 287 }),
    lengthSteps: fc.integer({ min: 288, max: 4 * 288 }),
    slotMinutes: fc.constantFrom<SlotMinutes>(15, 30, 60),
    openingHours: fc.array(opening, { maxLength: 10 }),
    resources: resourcesArb,
    closures: fc.array(fc.record({ from: fc.integer({ min: -1, max: 5 }), days: fc.nat(2), pick: fc.nat() }), {
      maxLength: 3,
    }),
    holidays: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 2 }),
    claims: fc.array(
      fc.record({
        at: fc.integer({ min: -288, max: 5 * 288 }),
        steps: fc.integer({ min: 1, max: 120 }),
        pick: fc.nat(),
        asDateTime: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
  })
  .map((r) => {
    const from = DateTime.fromISO(r.anchor, { zone: ZONE }).plus({ minutes: 5 * r.startStep });
    const ids = r.resources.map((res) => res.id);
    const pick = (k: number) => ids[k % ids.length]!;
    return {
      zone: ZONE,
      slotMinutes: r.slotMinutes,
      window: { from: from.toISO()!, to: from.plus({ minutes: 5 * r.lengthSteps }).toUTC().toISO()! },
      openingHours: r.openingHours,
      resources: r.resources,
      closures: r.closures.map((c) => ({
        startsOn: shiftDate(r.anchor, c.from),
        endsOn: shiftDate(r.anchor, c.from + c.days),
        resourceId: c.pick % 3 === 0 ? null : pick(c.pick),
      })),
      holidays: r.holidays.map((d) => shiftDate(r.anchor, d)),
      claims: r.claims.map((c) => {
        const start = from.plus({ minutes: 5 * c.at });
        const end = start.plus({ minutes: 5 * c.steps });
        return c.asDateTime
          ? { unitId: pick(c.pick), start, end }
          : { unitId: pick(c.pick), start: start.toUTC().toISO()!, end: end.toISO()! };
      }),
    };
  });

// ---------------------------------------------------------------------------------------------

const toSpans = (intervals: IsoInterval[]) => intervals.map((i) => [millis(i.start), millis(i.end)] as const);
const overlaps = (a: IsoInterval[], b: IsoInterval[]) =>
  toSpans(a).some(([as, ae]) => toSpans(b).some(([bs, be]) => as < be && bs < ae));
const inside = (inner: IsoInterval[], outer: IsoInterval[]) =>
  toSpans(inner).every(([s, e]) => toSpans(outer).some(([os, oe]) => os <= s && e <= oe));

describe('availability properties', () => {
  it('never shows time as both free and busy', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const r of computeAvailability(input).resources) expect(overlaps(r.free, r.busy)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps free time inside opening hours minus closures and holidays', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = computeAvailability(input);
        for (const r of result.resources) {
          for (const [s, e] of toSpans(r.free)) {
            for (let t = s; t < e; t += 5 * MINUTE) {
              const clock = effectiveClockAt(t);
              const lineage = [null, r.resourceId, input.resources.find((x) => x.id === r.resourceId)!.parentId];
              expect(weeklyOpen(input, clock)).toBe(true);
              expect(input.holidays).not.toContain(clock.date);
              expect(input.closures.filter((c) => within(c, clock.date) && lineage.includes(c.resourceId))).toEqual([]);
            }
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never gains free time from another claim', () => {
    const withExtra = fc.tuple(inputArb, fc.nat(), fc.integer({ min: 0, max: 4 * 288 }), fc.integer({ min: 1, max: 120 }));
    fc.assert(
      fc.property(withExtra, ([input, pick, at, steps]) => {
        const start = millis(input.window.from) + 5 * at * MINUTE;
        const unitId = input.resources[pick % input.resources.length]!.id;
        const claim = { unitId, start: iso(start), end: iso(start + 5 * steps * MINUTE) };
        const before = computeAvailability(input);
        const after = computeAvailability({ ...input, claims: [...input.claims, claim] });
        after.resources.forEach((r, i) => {
          expect(inside(r.free, before.resources[i]!.free)).toBe(true);
          expect(inside(before.resources[i]!.busy, r.busy)).toBe(true);
        });
        after.slots.forEach((slot, i) => expect(slot.freeUnits).toBeLessThanOrEqual(before.slots[i]!.freeUnits));
        const freeAfter = freeResourcesFor({ ...input, claims: [...input.claims, claim] }, claim.start, claim.end);
        expect(freeAfter.filter((id) => !freeResourcesFor(input, claim.start, claim.end).includes(id))).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with the minute-by-minute reference on free, busy, slots and days', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(computeAvailability(input)).toEqual(reference(input));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with the reference around both DST switches of 2026', () => {
    const dstInput = fc
      .tuple(inputArb, fc.constantFrom('2026-03-29', '2026-10-25'), fc.integer({ min: -287, max: 0 }))
      .map(([input, date, back]) => {
        const from = DateTime.fromISO(date, { zone: ZONE }).plus({ minutes: 5 * back });
        return { ...input, window: { from, to: from.plus({ days: 2 }) } };
      });
    fc.assert(
      fc.property(dstInput, (input) => {
        expect(computeAvailability(input)).toEqual(reference(input));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('finds exactly the resources the reference sees free for a whole interval', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 288 }), fc.integer({ min: 1, max: 48 }), (input, at, steps) => {
        const start = millis(input.window.from) + 5 * at * MINUTE;
        const end = start + 5 * steps * MINUTE;
        const window = { from: iso(start), to: iso(end) };
        const expected = reference({ ...input, window })
          .resources.filter((r) => r.free.length === 1 && r.free[0]!.start === window.from && r.free[0]!.end === window.to)
          .map((r) => r.resourceId);
        expect(freeResourcesFor(input, window.from, window.to)).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('counts as free throughout exactly the leaf units the reference sees free for all the open time', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const leaves = new Set(input.resources.filter((r) => !input.resources.some((part) => part.parentId === r.id)).map((r) => r.id));
        // With every resource active, nothing claimed and no resource closed, a leaf is free exactly when the space is open.
        const unhindered = { ...input, claims: [], closures: input.closures.filter((c) => c.resourceId === null), resources: input.resources.map((r) => ({ ...r, active: true })) };
        const open = JSON.stringify(reference(unhindered).resources.find((r) => leaves.has(r.resourceId))?.free ?? []);
        const expected = open === '[]' ? 0 : reference(input).resources.filter((r) => leaves.has(r.resourceId) && JSON.stringify(r.free) === open).length;
        expect(unitsFreeThroughout(input, input.window.from, input.window.to)).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
