/**
 * Half-open intervals [start, end) of epoch milliseconds. Every function takes and returns
 * *normalised* lists (sorted, non-empty, non-overlapping, non-touching) unless it says otherwise,
 * so callers never have to think about ordering or fragments.
 */
export type Span = readonly [start: number, end: number];

/** Accepts spans in any order, empty ones included, and returns their normalised union. */
export function merge(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => s < e).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    // Touching spans merge too: 22:00–24:00 and 00:00–02:00 must read as one opening.
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export function union(a: readonly Span[], b: readonly Span[]): Span[] {
  return merge([...a, ...b]);
}

export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i]!;
    const [bs, be] = b[j]!;
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (s < e) out.push([s, e]);
    if (ae <= be) i++;
    else j++;
  }
  return out;
}

export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const [as, ae] of a) {
    let cursor = as;
    // b is sorted, so spans of b that end before this span of a can never matter again.
    while (j < b.length && b[j]![1] <= cursor) j++;
    for (let k = j; k < b.length && b[k]![0] < ae; k++) {
      const [bs, be] = b[k]!;
      if (bs > cursor) out.push([cursor, bs]);
      cursor = Math.max(cursor, be);
    }
    if (cursor < ae) out.push([cursor, ae]);
  }
  return out;
}

export function clip(spans: readonly Span[], from: number, to: number): Span[] {
  return intersect(spans, from < to ? [[from, to]] : []);
}

/** Whether `span` lies entirely inside one span of the normalised list (binary search). */
export function covers(spans: readonly Span[], [start, end]: Span): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (start < s) hi = mid - 1;
    else if (start >= e) lo = mid + 1;
    else return end <= e;
  }
  return false;
}

/** Whether every span of `inner` lies inside one span of `outer`: subtract(inner, outer) is empty, without building it. */
export function contains(outer: readonly Span[], inner: readonly Span[]): boolean {
  let j = 0;
  for (const [start, end] of inner) {
    // Both lists are sorted, so spans of outer that end before this one starts are done with.
    while (j < outer.length && outer[j]![1] <= start) j++;
    const span = outer[j];
    if (!span || span[0] > start || span[1] < end) return false;
  }
  return true;
}
