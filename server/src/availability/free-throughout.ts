import type { AvailabilityContext, Instant } from './availability.types';
import { openTimeOf } from './calendar';
import { instantsOf } from './closures';
import type { Span } from './intervals';
import { toMillis } from './local-time';

/** Whether a span meets any span of a normalised list (binary search). */
function meets(spans: readonly Span[], [start, end]: Span): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (e <= start) lo = mid + 1;
    else if (s >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * How many leaf units (desks, undivided rooms, parts of a divided hall) are free for all of the
 * space's open time within [from, to): what a search with a window shows; 0 when the space is
 * not open then at all. The same answer as asking buildCalendar whether each leaf's free time
 * contains the open time, but a search asks it of dozens of spaces per request, so only the
 * claims and closures that meet the open time are looked at, not every leaf's time.
 */
export function unitsFreeThroughout(context: AvailabilityContext, from: Instant, to: Instant): number {
  const { zone, tree, closed, open } = openTimeOf(context, toMillis(from, 'from'), toMillis(to, 'to'));
  if (open.length === 0) return 0;
  // Most spaces on most days: nothing claimed, nothing of theirs closed.
  if (context.claims.length === 0 && closed.byResource.size === 0) return tree.activeLeaves.length;
  const taken = new Set<string>();
  // A claim or closure of a composite takes every leaf below it, like the booking it came from.
  const take = (id: string) => tree.leavesOf.get(id)?.forEach((leaf) => taken.add(leaf));
  for (const claim of context.claims) {
    if (meets(open, [toMillis(claim.start, `claim start of ${claim.unitId}`), toMillis(claim.end, `claim end of ${claim.unitId}`)])) take(claim.unitId);
  }
  for (const [id, ranges] of closed.byResource) {
    if (instantsOf(ranges, zone).some((span) => meets(open, span))) take(id);
  }
  let free = 0;
  for (const leaf of tree.activeLeaves) if (!taken.has(leaf)) free++;
  return free;
}
