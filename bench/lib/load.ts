import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** Latencies (ms) of every answer, by HTTP status. */
  latencies: Record<string, number[]>;
}

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

/**
 * Runs autocannon with a fresh request per call of `next`; percentiles come from every answer's
 * own latency. With several URLs (several servers) the connections are shared out among them,
 * as a proxy in front of them would.
 */
export async function load(options: {
  label: string;
  url: string | string[];
  connections: number;
  seconds?: number;
  amount?: number;
  next(): { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
}): Promise<LoadResult> {
  const latencies: Record<string, number[]> = {};
  const given = Array.isArray(options.url) ? options.url : [options.url];
  const urls = given.slice(0, options.connections);
  const share = (total: number, i: number) => Math.floor(total / urls.length) + (i < total % urls.length ? 1 : 0);
  const started = performance.now();
  await Promise.all(
    urls.map((url, i) =>
      autocannon({
        url,
        connections: share(options.connections, i),
        ...(options.amount ? { amount: share(options.amount, i) } : { duration: options.seconds ?? 30 }),
        requests: [{ setupRequest: (request) => ({ ...request, ...options.next() }) }],
        setupClient: (client) =>
          client.on('response', (status: number, _bytes: number, responseTime: number) => {
            (latencies[status] ??= []).push(responseTime);
          }),
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const all = Object.values(latencies).flat();
  return {
    label: options.label,
    requests: all.length,
    perSecond: all.length / seconds,
    p50: percentileOf(all, 50),
    p95: percentileOf(all, 95),
    p99: percentileOf(all, 99),
    statuses: Object.fromEntries(Object.entries(latencies).map(([status, list]) => [status, list.length])),
    latencies,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));

export function printTable(rows: LoadResult[]): void {
  console.log('\n| measurement | requests | req/s | p50 ms | p95 ms | p99 ms | statuses |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.requests} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')} |`);
  }
}
