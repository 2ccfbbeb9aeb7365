import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramPercentile, mergeHistograms, undoCorrection, type Histogram } from './wrk-latency';

/** wrk 4.1's stats_correct (src/stats.c), on a histogram of whole microseconds. */
function wrkCorrect(original: Histogram, expected: number): Histogram {
  const data = new Map(original);
  const max = Math.max(...original.map(([latency]) => latency));
  for (let n = expected * 2; n <= max; n++) {
    const count = data.get(n) ?? 0;
    for (let m = n - expected; count && m > expected; m -= expected) data.set(m, (data.get(m) ?? 0) + count);
  }
  return [...data].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
}

const histogram = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 50 })), { selector: ([latency]) => latency, minLength: 1, maxLength: 60 })
  .map((buckets) => buckets.sort(([a], [b]) => a - b) as Histogram);

describe('wrk latency histogram', () => {
  it('gets every answer back from what wrk corrected', () => {
    fc.assert(
      fc.property(histogram, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 2_000 }), (original, connections, expected) => {
        const requests = original.reduce((sum, [, count]) => sum + count, 0);
        fc.pre(Math.floor(requests / connections) > 0);
        // The run's duration that makes wrk's integer arithmetic come out at `expected`.
        const durationUs = expected * Math.floor(requests / connections);
        expect(undoCorrection(wrkCorrect(original, expected), { durationUs, requests, connections })).toEqual(original);
      }),
    );
  });

  it('leaves a run with fewer answers than connections as it is', () => {
    expect(undoCorrection([[10, 1], [900, 2]], { durationUs: 1_000, requests: 3, connections: 4 })).toEqual([[10, 1], [900, 2]]);
  });

  it('takes percentiles over the merged answers of all runs, by nearest rank', () => {
    const merged = mergeHistograms([[[1_000, 9], [5_000, 1]], [[1_000, 80], [2_000, 10]]]);
    expect(merged).toEqual([[1_000, 89], [2_000, 10], [5_000, 1]]);
    expect(histogramPercentile(merged, 50)).toBe(1);
    expect(histogramPercentile(merged, 89)).toBe(1);
    expect(histogramPercentile(merged, 95)).toBe(2);
    expect(histogramPercentile(merged, 99)).toBe(2);
    expect(histogramPercentile(merged, 100)).toBe(5);
    expect(histogramPercentile([], 50)).toBeNaN();
  });
});
