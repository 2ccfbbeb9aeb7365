import type { IANAZone } from 'luxon';
import type { AvailabilityContext } from './availability.types';
import { closedDatesOf, instantsOf, spaceClosedTime } from './closures';
import { clip, intersect, merge, subtract, union, type Span } from './intervals';
import { localDayOf, toMillis, zoneNamed, type DayNumber } from './local-time';
import { openingOn, weeklyHoursOf, type WeeklyHours } from './opening';
import { treeOf, type ResourceTree } from './resources';

/** Free and busy time of every resource within [from, to), as epoch-millis spans. */
export interface Calendar {
  zone: IANAZone;
  from: number;
  to: number;
  /** Local dates touched by the window; `lastDay` < `firstDay` for an empty window. */
  firstDay: DayNumber;
  lastDay: DayNumber;
  hours: WeeklyHours;
  spaceClosed: Span[];
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

export function buildCalendar(context: AvailabilityContext, from: number, to: number): Calendar {
  if (to < from) throw new RangeError('window ends before it starts');
  const zone = zoneNamed(context.zone);
  const tree = treeOf(context.resources);
  const hours = weeklyHoursOf(context.openingHours);
  const firstDay = localDayOf(from, zone);
  const lastDay = to > from ? localDayOf(to - 1, zone) : firstDay - 1;

  // One spare day either side: where clocks go back across midnight, an instant's local date
  // alone does not bound the openings that reach it.
  const weekly: Span[] = [];
  for (let day = firstDay - 1; day <= lastDay + 1; day++) weekly.push(...openingOn(hours, day, zone));
  const closed = closedDatesOf(context.closures);
  const spaceClosed = spaceClosedTime(closed, context.holidays, zone);
  const open = minus(clip(merge(weekly), from, to), spaceClosed);

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
    const busy = clip(merge(lineage.flatMap((a) => claimsById.get(a) ?? [])), from, to);
    // Closing or deactivating a composite takes its parts with it.
    const active = lineage.every((a) => tree.byId.get(a)!.active);
    const closed = merge(lineage.flatMap((a) => closedById.get(a) ?? []));
    leafBusy.set(id, busy);
    leafFree.set(id, active ? minus(minus(open, closed), busy) : NONE);
  }

  const free = new Map<string, readonly Span[]>();
  const busy = new Map<string, readonly Span[]>();
  for (const r of context.resources) {
    const leaves = tree.leavesOf.get(r.id)!;
    // Booking a composite claims every leaf, so it is free only where all of them are.
    free.set(r.id, leaves.map((l) => leafFree.get(l)!).reduce((a, b) => intersect(a, b)));
    busy.set(r.id, leaves.map((l) => leafBusy.get(l)!).reduce((a, b) => union(a, b)));
  }
  return { zone, from, to, firstDay, lastDay, hours, spaceClosed, open, tree, free, busy };
}
