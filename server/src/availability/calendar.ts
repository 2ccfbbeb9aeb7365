import type { IANAZone } from 'luxon';
import type { AvailabilityContext } from './availability.types';
import { closedDatesOf, instantsOf, spaceClosedTime, type ClosedDates } from './closures';
import { clip, intersect, merge, subtract, union, type Span } from './intervals';
import { localDayOf, toMillis, zoneNamed, type DayNumber } from './local-time';
import { openingOn, weeklyHoursOf } from './opening';
import { treeOf, type ResourceTree } from './resources';

/** Free and busy time of every resource within [from, to), as epoch-millis spans. */
export interface Calendar {
  zone: IANAZone;
  from: number;
  to: number;
  /** Local dates touched by the window; `lastDay` < `firstDay` for an empty window. */
  firstDay: DayNumber;
  lastDay: DayNumber;
  /** Weekly opening time of each local date firstDay … lastDay, before closures and the window. */
  openingOf: ReadonlyMap<DayNumber, readonly Span[]>;
  spaceClosed: readonly Span[];
  /** Opening hours minus whole-space closures and holidays, within the window. */
  open: readonly Span[];
  tree: ResourceTree;
  /** Resources share span lists where their time is alike; nothing may change them. */
  free: ReadonlyMap<string, readonly Span[]>;
  busy: ReadonlyMap<string, readonly Span[]>;
}

const NONE: readonly Span[] = [];

// Most desks have neither claims nor closures: their free time is the open time itself.
const minus = (a: readonly Span[], b: readonly Span[]) => (b.length === 0 ? a : subtract(a, b));

function spansById<T>(items: readonly T[], key: (item: T) => string, span: (item: T) => Span): Map<string, Span[]> {
  const groups = new Map<string, Span[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(span(item));
    else groups.set(k, [span(item)]);
  }
  return groups;
}

/** The spans of a resource and of every composite above it, merged. */
function ofLineage(lineage: readonly string[], byId: ReadonlyMap<string, readonly Span[]>): readonly Span[] {
  let spans: readonly Span[] = NONE;
  for (const id of lineage) {
    const own = byId.get(id);
    if (own) spans = spans === NONE ? own : [...spans, ...own];
  }
  return spans === NONE ? NONE : merge(spans);
}

/** A space's open time within a window: what every answer about the window starts from. */
export interface OpenTime {
  zone: IANAZone;
  tree: ResourceTree;
  /** Local dates touched by the window; `lastDay` < `firstDay` for an empty window. */
  firstDay: DayNumber;
  lastDay: DayNumber;
  openingOf: ReadonlyMap<DayNumber, readonly Span[]>;
  closed: ClosedDates;
  spaceClosed: readonly Span[];
  /** Opening hours minus whole-space closures and holidays, within the window. */
  open: readonly Span[];
}

export function openTimeOf(context: Omit<AvailabilityContext, 'claims'>, from: number, to: number): OpenTime {
  if (to < from) throw new RangeError('window ends before it starts');
  const zone = zoneNamed(context.zone);
  const tree = treeOf(context.resources);
  const hours = weeklyHoursOf(context.openingHours);
  const firstDay = localDayOf(from, zone);
  const lastDay = to > from ? localDayOf(to - 1, zone) : firstDay - 1;

  // One spare day either side: where clocks go back across midnight, an instant's local date
  // alone does not bound the openings that reach it.
  const openingOf = new Map<DayNumber, Span[]>();
  const weekly: Span[] = [];
  for (let day = firstDay - 1; day <= lastDay + 1; day++) {
    const opening = openingOn(hours, day, zone);
    openingOf.set(day, opening);
    for (const span of opening) weekly.push(span);
  }
  const closed = closedDatesOf(context.closures);
  const spaceClosed = spaceClosedTime(closed, context.holidays, zone);
  const open = minus(clip(merge(weekly), from, to), spaceClosed);
  return { zone, tree, firstDay, lastDay, openingOf, closed, spaceClosed, open };
}

export function buildCalendar(context: AvailabilityContext, from: number, to: number): Calendar {
  const { zone, tree, firstDay, lastDay, openingOf, closed, spaceClosed, open } = openTimeOf(context, from, to);

  const closedById = new Map<string, readonly Span[]>();
  for (const [id, ranges] of closed.byResource) closedById.set(id, instantsOf(ranges, zone));
  const claimsById = spansById(
    context.claims,
    (c) => c.unitId,
    (c) => [toMillis(c.start, `claim start of ${c.unitId}`), toMillis(c.end, `claim end of ${c.unitId}`)],
  );

  const leafBusy = new Map<string, readonly Span[]>();
  const leafFree = new Map<string, readonly Span[]>();
  for (const id of tree.leaves) {
    const lineage = tree.lineageOf.get(id)!;
    // A claim naming a composite occupies all its parts, like the booking it came from.
    const claimed = ofLineage(lineage, claimsById);
    const busy = claimed.length === 0 ? NONE : clip(claimed, from, to);
    // Closing or deactivating a composite takes its parts with it.
    const active = lineage.every((a) => tree.byId.get(a)!.active);
    leafBusy.set(id, busy);
    leafFree.set(id, active ? minus(minus(open, ofLineage(lineage, closedById)), busy) : NONE);
  }

  const free = new Map<string, readonly Span[]>();
  const busy = new Map<string, readonly Span[]>();
  for (const r of context.resources) {
    const [first, ...others] = tree.leavesOf.get(r.id)!;
    // Booking a composite claims every leaf, so it is free only where all of them are.
    free.set(r.id, others.reduce((spans, leaf) => intersect(spans, leafFree.get(leaf)!), leafFree.get(first!)!));
    busy.set(r.id, others.reduce((spans, leaf) => union(spans, leafBusy.get(leaf)!), leafBusy.get(first!)!));
  }
  return { zone, from, to, firstDay, lastDay, openingOf, spaceClosed, open, tree, free, busy };
}
