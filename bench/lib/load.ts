import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { histogramPercentile, mergeHistograms } from './wrk-latency';
import { runWrk, writeRequests } from './wrk';

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** Socket errors by kind (connect, read, write, timeout), only those that happened. */
  socketErrors: Record<string, number>;
}

/**
 * How many requests `load` makes for each second of a run. More than any endpoint but /healthz
 * answers on the reference machine; should wrk send them all, it starts over and `load` says so.
 */
const MOST_PER_SECOND = 2_500;

/**
 * Makes `count` requests before the measurement and hands them out in turn (then makes more on
 * demand): the load generator shares the two cores with the servers under test, and making a
 * request (luxon for the dates, JSON) should not take CPU from them while they are measured.
 */
export function madeAhead<T>(make: () => T, count: number): () => T {
  const made = Array.from({ length: count }, make);
  let next = 0;
  return () => (next < made.length ? made[next++]! : make());
}

export function percentileOf(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Shares `total` out among `count` takers as evenly as it goes; taker `i` gets this many. */
const share = (total: number, count: number, i: number) => Math.floor(total / count) + (i < total % count ? 1 : 0);

function addUp(counts: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const [key, n] of counts.flatMap((c) => Object.entries(c))) total[key] = (total[key] ?? 0) + n;
  return total;
}

/**
 * A closed loop for `seconds`: `connections` connections that each send a request as soon as the
 * last one is answered, driven by wrk (C, in processes of its own, so that it takes less of the two
 * cores from the servers than a load generator in this Node process would). With several URLs
 * (several servers) the connections are shared out among them, as a proxy in front of them would,
 * one wrk process each. `next` makes a new request each time, all of them before wrk starts;
 * `request` is sent over and over.
 *
 * Percentiles are of every answer's own latency, over all processes: each reports its whole
 * histogram (answers per microsecond), and the histograms add up to that of all answers, so no
 * merging of percentiles is needed (nor correct: percentiles of parts do not make the whole's).
 */
export async function load(options: { label: string; url: string | string[]; connections: number; seconds: number } & ({ next(): LoadRequest } | { request: LoadRequest })): Promise<LoadResult> {
  const urls = (Array.isArray(options.url) ? options.url : [options.url]).slice(0, options.connections);
  const distinct = 'next' in options;
  const requests = distinct ? Array.from({ length: options.seconds * MOST_PER_SECOND }, () => options.next()) : [options.request];
  const dir = await mkdtemp(path.join(tmpdir(), 'landraeume-wrk-'));
  try {
    const requestsFile = path.join(dir, 'requests.tsv');
    await writeRequests(requestsFile, requests);
    const runs = await Promise.all(
      urls.map((url, i) =>
        runWrk({ url, connections: share(options.connections, urls.length, i), seconds: options.seconds, requestsFile, part: distinct ? i : 0, parts: distinct ? urls.length : 1 }),
      ),
    );
    if (distinct && runs.some((r) => r.ranOut)) {
      console.warn(`${options.label}: wrk sent all ${requests.length} requests made for it and started over (raise MOST_PER_SECOND in bench/lib/load.ts)`);
    }
    const latency = mergeHistograms(runs.map((r) => r.latency));
    return {
      label: options.label,
      requests: runs.reduce((total, r) => total + r.requests, 0),
      perSecond: runs.reduce((total, r) => total + r.requests / (r.durationUs / 1e6), 0),
      p50: histogramPercentile(latency, 50),
      p95: histogramPercentile(latency, 95),
      p99: histogramPercentile(latency, 99),
      statuses: addUp(runs.map((r) => r.statuses)),
      socketErrors: addUp(runs.map((r) => r.errors)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));
const counts = (record: Record<string, number>) => Object.entries(record).map(([key, n]) => `${key}×${n}`).join(' ');

export function printTable(rows: LoadResult[]): void {
  console.log('\n| measurement | requests | req/s | p50 ms | p95 ms | p99 ms | statuses |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const errors = Object.keys(r.socketErrors).length ? `, socket errors: ${counts(r.socketErrors)}` : '';
    console.log(`| ${r.label} | ${r.requests} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${counts(r.statuses)}${errors} |`);
  }
}
