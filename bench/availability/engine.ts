import { DateTime } from 'luxon';
import { computeAvailability } from '../../server/src/availability/availability';
import type { AvailabilityInput, AvailabilityResource, Claim, IsoWeekday, OpeningInterval, SlotMinutes } from '../../server/src/availability/availability.types';
import { percentileOf } from '../lib/load';

/*
 * npm run bench:engine
 * Microseconds per computeAvailability call (the pure engine behind GET /api/spaces/:id/availability,
 * no database, no HTTP), median over batches, for realistic spaces in two caller shapes:
 * - today: every call brings new arrays and claims as ISO text, as spaces.service builds them
 *   from each request's rows;
 * - catalog: a space's resources, opening hours and closures are the same arrays on every call
 *   (a catalog cache keeps them per space version) and claims come as epoch milliseconds.
 * Inputs are made before each timed batch, so making them is not measured.
 */
const ZONE = 'Europe/Berlin';
const WARM_UP_MS = 2_000;
const BATCH = 50;
const BATCHES = 400;

const weekdays: IsoWeekday[] = [1, 2, 3, 4, 5];
const weekend: IsoWeekday[] = [6, 7];
const coworkingHours: OpeningInterval[] = [
  ...weekdays.map((weekday) => ({ weekday, opens: '07:00', closes: '21:00' })),
  ...weekend.map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' })),
];
const hallHours: OpeningInterval[] = [...weekdays, ...weekend].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' }));
const desks: AvailabilityResource[] = Array.from({ length: 16 }, (_, i) => ({ id: `desk-${i + 1}`, kind: 'desk', parentId: null, active: i !== 15 }));
const hall: AvailabilityResource[] = [
  { id: 'hall', kind: 'room', parentId: null, active: true },
  ...['a', 'b', 'c'].map((third): AvailabilityResource => ({ id: `third-${third}`, kind: 'part', parentId: 'hall', active: true })),
];

const monday = DateTime.fromISO('2026-05-11', { zone: ZONE });
/** [unit, day of the window, local start hour, hours] */
type ClaimAt = [unitId: string, day: number, hour: number, hours: number];
const claimSpans = (claims: ClaimAt[]) =>
  claims.map(([unitId, day, hour, hours]) => {
    const start = monday.plus({ days: day, hours: hour });
    return { unitId, start: start.toMillis(), end: start.plus({ hours }).toMillis() };
  });

interface Space {
  label: string;
  slotMinutes: SlotMinutes;
  days: number;
  resources: AvailabilityResource[];
  openingHours: OpeningInterval[];
  claims: { unitId: string; start: number; end: number }[];
}

const spaces: Space[] = [
  {
    label: 'coworking, 16 desks, a week',
    slotMinutes: 30,
    days: 7,
    resources: desks,
    openingHours: coworkingHours,
    claims: claimSpans([['desk-1', 0, 8, 5], ['desk-2', 0, 14, 5], ['desk-5', 2, 9, 8], ['desk-7', 3, 7, 14], ['desk-1', 5, 10, 3]]),
  },
  {
    label: 'sports hall in thirds, a week',
    slotMinutes: 60,
    days: 7,
    resources: hall,
    openingHours: hallHours,
    claims: claimSpans([['hall', 0, 17, 2], ['third-a', 1, 16, 3], ['third-b', 1, 18, 2], ['third-c', 3, 8, 6], ['hall', 5, 9, 5], ['third-a', 6, 10, 2]]),
  },
  {
    label: 'coworking, 16 desks, a day',
    slotMinutes: 30,
    days: 1,
    resources: desks,
    openingHours: coworkingHours,
    claims: claimSpans([['desk-1', 0, 8, 5], ['desk-2', 0, 14, 5], ['desk-3', 0, 9, 2]]),
  },
];

type Shape = 'today' | 'catalog';

function inputFor(space: Space, shape: Shape): () => AvailabilityInput {
  const window = { from: monday.toISO()!, to: monday.plus({ days: space.days }).toISO()! };
  const base = { zone: ZONE, slotMinutes: space.slotMinutes, window, holidays: [] };
  if (shape === 'catalog') {
    const closures: AvailabilityInput['closures'] = [];
    return () => ({ ...base, resources: space.resources, openingHours: space.openingHours, closures, claims: space.claims.map((c) => ({ ...c })) });
  }
  const isoText = (ms: number) => new Date(ms).toISOString();
  return () => ({
    ...base,
    resources: space.resources.map((r) => ({ ...r })),
    openingHours: space.openingHours.map((h) => ({ ...h })),
    closures: [],
    claims: space.claims.map((c): Claim => ({ unitId: c.unitId, start: isoText(c.start), end: isoText(c.end) })),
  });
}

/** Microseconds per call of each timed batch. */
function timeBatches(make: () => AvailabilityInput, batches: number): number[] {
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const inputs = Array.from({ length: BATCH }, make);
    const started = process.hrtime.bigint();
    for (const input of inputs) computeAvailability(input);
    perCall.push(Number(process.hrtime.bigint() - started) / 1_000 / BATCH);
  }
  return perCall;
}

console.log(`node ${process.version}, ${BATCHES} batches of ${BATCH} calls after ${WARM_UP_MS / 1000} s of warm-up per case\n`);
console.log('| space | caller shape | slots | JSON KB | µs per call (median) | p90 µs | calls/s |');
console.log('|---|---|---|---|---|---|---|');
for (const space of spaces) {
  for (const shape of ['today', 'catalog'] as const) {
    const make = inputFor(space, shape);
    const result = computeAvailability(make());
    const warmUntil = performance.now() + WARM_UP_MS;
    while (performance.now() < warmUntil) timeBatches(make, 1);
    const perCall = timeBatches(make, BATCHES);
    const median = percentileOf(perCall, 50);
    const kb = (JSON.stringify(result).length / 1024).toFixed(1);
    console.log(`| ${space.label} | ${shape} | ${result.slots.length} | ${kb} | ${median.toFixed(1)} | ${percentileOf(perCall, 90).toFixed(1)} | ${Math.round(1e6 / median)} |`);
  }
}
