import { percentileOf, type LoadRequest, type LoadResult } from './load';

/**
 * `amount` requests, `connections` of them in flight at a time, shared out among the URLs as
 * `load` does, each answer timed. For a few hundred requests (the contended booking case) the load
 * generator's CPU barely matters, and this keeps the latencies per status, which wrk's histogram
 * mixes. The requests are all made before the clock starts.
 */
export async function loadAmount(options: { label: string; url: string | string[]; connections: number; amount: number; next(): LoadRequest }): Promise<LoadResult & { latencies: Record<string, number[]> }> {
  const urls = Array.isArray(options.url) ? options.url : [options.url];
  const requests = Array.from({ length: options.amount }, () => options.next());
  const latencies: Record<string, number[]> = {};
  let taken = 0;
  const connection = async (url: string) => {
    while (taken < requests.length) {
      const { method = 'GET', path, body, headers } = requests[taken++]!;
      const sent = performance.now();
      const response = await fetch(`${url}${path}`, { method, body: body ?? null, headers: headers ?? {} });
      await response.arrayBuffer();
      (latencies[response.status] ??= []).push(performance.now() - sent);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.connections, options.amount) }, (_, i) => connection(urls[i % urls.length]!)));
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
    socketErrors: {},
    latencies,
  };
}
