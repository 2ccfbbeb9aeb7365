import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { clip, contains, covers, intersect, merge, subtract, union, type Span } from './intervals';

describe('merge', () => {
  it('sorts, drops empty spans and joins overlapping ones', () => {
    expect(merge([[5, 8], [1, 3], [2, 4], [6, 6], [9, 7]])).toEqual([[1, 4], [5, 8]]);
  });

  it('joins touching spans, since [a,b) and [b,c) cover [a,c) without a gap', () => {
    expect(merge([[0, 2], [2, 4]])).toEqual([[0, 4]]);
  });

  it('keeps a span swallowed by an earlier one from shortening it', () => {
    expect(merge([[0, 10], [2, 3]])).toEqual([[0, 10]]);
  });

  it('returns an empty list for no spans', () => {
    expect(merge([])).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input: Span[] = [[3, 4], [1, 2]];
    merge(input);
    expect(input).toEqual([[3, 4], [1, 2]]);
  });
});

describe('union', () => {
  it('merges two lists', () => {
    expect(union([[0, 2], [6, 8]], [[1, 3], [8, 9]])).toEqual([[0, 3], [6, 9]]);
  });
});

describe('intersect', () => {
  it('keeps only the common parts', () => {
    expect(intersect([[0, 5], [7, 10]], [[3, 8], [9, 12]])).toEqual([[3, 5], [7, 8], [9, 10]]);
  });

  it('drops spans that only touch', () => {
    expect(intersect([[0, 2]], [[2, 4]])).toEqual([]);
  });

  it('is empty against an empty list', () => {
    expect(intersect([[0, 2]], [])).toEqual([]);
  });
});

describe('subtract', () => {
  it('cuts holes, splitting a span in two', () => {
    expect(subtract([[0, 10]], [[3, 4], [6, 7]])).toEqual([[0, 3], [4, 6], [7, 10]]);
  });

  it('removes spans entirely covered', () => {
    expect(subtract([[2, 3], [5, 6]], [[0, 10]])).toEqual([]);
  });

  it('lets one subtrahend reach across several spans', () => {
    expect(subtract([[0, 2], [3, 5], [6, 8]], [[1, 7]])).toEqual([[0, 1], [7, 8]]);
  });

  it('trims the edges', () => {
    expect(subtract([[0, 10]], [[-5, 2], [8, 15]])).toEqual([[2, 8]]);
  });

  it('leaves a list alone when nothing overlaps', () => {
    expect(subtract([[0, 2], [4, 6]], [[2, 4], [6, 9]])).toEqual([[0, 2], [4, 6]]);
  });
});

describe('clip', () => {
  it('cuts to the window', () => {
    expect(clip([[0, 5], [8, 12]], 3, 10)).toEqual([[3, 5], [8, 10]]);
  });

  it('is empty for an empty window', () => {
    expect(clip([[0, 5]], 3, 3)).toEqual([]);
  });
});

describe('covers', () => {
  const spans: Span[] = [[0, 10], [20, 30], [40, 50]];

  it('finds a span inside one of the list', () => {
    expect(covers(spans, [20, 30])).toBe(true);
    expect(covers(spans, [42, 45])).toBe(true);
    expect(covers(spans, [0, 1])).toBe(true);
  });

  it('rejects a span crossing a gap or sticking out', () => {
    expect(covers(spans, [5, 25])).toBe(false);
    expect(covers(spans, [25, 31])).toBe(false);
    expect(covers(spans, [10, 12])).toBe(false);
    expect(covers(spans, [-1, 5])).toBe(false);
    expect(covers(spans, [50, 51])).toBe(false);
  });

  it('rejects everything for an empty list', () => {
    expect(covers([], [0, 1])).toBe(false);
  });
});

describe('contains', () => {
  it('holds where subtracting leaves nothing, touching spans and empty lists included', () => {
    const list = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 8 })), { maxLength: 6 }).map((spans) => merge(spans.map(([s, length]): Span => [s, s + length])));
    fc.assert(
      fc.property(list, list, (outer, inner) => {
        expect(contains(outer, inner)).toBe(subtract(inner, outer).length === 0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects an inner span across a gap of the outer list', () => {
    expect(contains([[0, 2], [3, 5]], [[1, 4]])).toBe(false);
    expect(contains([[0, 2], [3, 5]], [[0, 2], [3, 4]])).toBe(true);
  });
});
