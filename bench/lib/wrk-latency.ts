/** Answers per latency in microseconds: [latency, answers], ascending by latency. */
export type Histogram = [number, number][];

/**
 * Undoes the correction for coordinated omission that wrk 4.1 applies to its latency histogram
 * when a run ends (`stats_correct`): taking the mean time between two requests of a connection,
 * `expected` = runtime / (answers / connections) in whole microseconds, it adds to every bucket
 * n ≥ 2·expected a copy at n − expected, n − 2·expected … while above `expected`, for the answers
 * an open-loop client would have waited for. The benchmarks are closed loops and report every
 * answer's own latency, as they did with autocannon. Copies only go downwards, so above
 * `expected` a bucket holds its own answers plus those of every bucket a multiple of `expected`
 * higher; the bucket `expected` higher holds just that sum.
 */
export function undoCorrection(corrected: Histogram, run: { durationUs: number; requests: number; connections: number }): Histogram {
  const perConnection = Math.floor(run.requests / run.connections);
  if (perConnection === 0) return corrected;
  const expected = Math.floor(run.durationUs / perConnection);
  const counts = new Map(corrected);
  const original: Histogram = [];
  for (const [latency, count] of corrected) {
    const own = latency > expected ? count - (counts.get(latency + expected) ?? 0) : count;
    if (own < 0) throw new Error(`wrk's latency histogram is not corrected as wrk 4.1 does (${count} answers at ${latency} µs)`);
    if (own > 0) original.push([latency, own]);
  }
  return original;
}

/** Adds histograms of several runs into one, ascending by latency. */
export function mergeHistograms(histograms: Histogram[]): Histogram {
  const counts = new Map<number, number>();
  for (const [latency, count] of histograms.flat()) counts.set(latency, (counts.get(latency) ?? 0) + count);
  return [...counts].sort(([a], [b]) => a - b);
}

/** The latency (ms) below or at which p % of the answers came, nearest rank as `percentileOf`. */
export function histogramPercentile(histogram: Histogram, p: number): number {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (!total) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [latency, count] of histogram) {
    seen += count;
    if (seen >= rank) return latency / 1000;
  }
  return histogram.at(-1)![0] / 1000;
}
