import { startAppServers } from '../lib/app-server';
import { startFloorServers } from '../lib/floor-servers';
import { load, printTable, type LoadResult } from '../lib/load';
import { openBenchDatabase } from '../lib/bench-database';
import { requireWrk } from '../lib/wrk';
import { explainSearch } from './explain';
import { fill, FULL_SCALE, QUICK_SCALE } from './fill';
import { availabilityRequest, EXAMPLE_SEARCH, machine, searchRequest } from './workload';

/*
 * npm run bench:search [-- --quick] [--explain] [--servers N] [--reuse]
 * Fills landraeume_bench with 5,000 spaces, ~50,000 resources and ~1,000,000 bookings of 2026,
 * then loads GET /api/spaces (one day, near, kind) and GET /api/spaces/:id/availability (a week):
 * first one connection (the service time), then 50 connections (the target's load). The app runs
 * as `main.ts` does in production, in N server processes (2 by default, as docker/compose runs
 * them) that share the connections. --reuse keeps the database an earlier run of the same scale
 * filled (to try an index or a query change without filling again).
 */
const quick = process.argv.includes('--quick');
const printPlan = process.argv.includes('--explain');
const serverCount = Number(process.argv[process.argv.indexOf('--servers') + 1] ?? 2) || 2;
const reuse = process.argv.includes('--reuse');
const seconds = quick ? 5 : 30;
const baselineSeconds = quick ? 2 : 5;
const TARGET = { search: 50, availability: 20 };

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

requireWrk();
console.log(`machine: ${await machine()}`);
const scale = quick ? QUICK_SCALE : FULL_SCALE;
const database = await openBenchDatabase({ reuse });
try {
  console.log(`database: ${database.description}, ${quick ? 'quick' : 'full'} scale`);
  if (database.reused) {
    const [{ spaces }] = (await database.dataSource.query(`SELECT count(*)::int AS spaces FROM spaces`)) as [{ spaces: number }];
    if (spaces !== scale.spaces) throw new Error(`--reuse: the kept database has ${spaces} spaces, this scale wants ${scale.spaces}; run once without --reuse`);
    await database.dataSource.query('ANALYZE');
    console.log(`reused the database of an earlier run (${spaces.toLocaleString('en')} spaces)`);
  } else {
    const fillStarted = performance.now();
    const counts = await fill(database.dataSource, scale);
    console.log(`filled in ${elapsed(fillStarted)}:`, Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', '));
  }

  const plan = await explainSearch(database.dataSource, EXAMPLE_SEARCH);
  console.log(`\nEXPLAIN ANALYZE /api/spaces?${EXAMPLE_SEARCH} (free units of the first page's candidates): execution ${plan.executionMs.toFixed(1)} ms, planning ${plan.planningMs.toFixed(1)} ms; most time of their own:`);
  console.log(`  by part: ${plan.parts.map(([part, ms]) => `${part} ${ms.toFixed(1)} ms`).join(', ')}`);
  for (const h of plan.hotspots) console.log(`  ${h.ms.toFixed(1).padStart(7)} ms  ${h.node} (${h.rows.toLocaleString('en')} rows, ${h.loops} loops)`);
  if (printPlan) console.log(`\n${plan.text}`);

  const ids = ((await database.dataSource.query(`SELECT id FROM spaces WHERE published ORDER BY id`)) as { id: string }[]).map((r) => r.id);
  const availability = availabilityRequest(ids);
  const app = await startAppServers(database.url, serverCount);
  const rows: LoadResult[] = [];
  const saturated: LoadResult[] = [];
  let exampleAnswer = '';
  console.log(`app: main.ts in ${serverCount} server process${serverCount > 1 ? 'es' : ''}`);
  try {
    const example = (await (await fetch(`${app.urls[0]}/api/spaces?${EXAMPLE_SEARCH}`)).json()) as { items: { distanceKm: number | null }[]; hasMore: boolean };
    console.log(`\nsanity: the example search's first page has ${example.items.length} spaces with a free desk (first ${example.items[0]?.distanceKm} km away, more: ${example.hasMore})`);

    // Warm up JIT, pools and caches; not measured.
    for (const next of [searchRequest, availability]) await load({ label: 'warm-up', url: app.urls, connections: 10, seconds: quick ? 1 : 3, next });

    // The ceiling of the HTTP stack alone (express, no database) on this machine, for reference.
    const stack = await load({ label: 'GET /healthz (no database), 50 connections', url: app.urls, connections: 50, seconds: baselineSeconds, request: { path: '/healthz' } });
    rows.push(stack);
    // A typical answer for the last floor: the median in size of 21 random ones.
    const answers = await Promise.all(Array.from({ length: 21 }, async () => (await fetch(`${app.urls[0]}${availability().path}`)).text()));
    exampleAnswer = answers.sort((a, b) => a.length - b.length)[10]!;
    const endpoints = [
      { label: 'GET /api/spaces (day, near 15 km, kind)', next: searchRequest },
      { label: 'GET /api/spaces/:id/availability (a week)', next: availability },
    ];
    for (const { label, next } of endpoints) {
      rows.push(await load({ label: `${label}, 1 connection`, url: app.urls, connections: 1, seconds: baselineSeconds, next }));
      const full = await load({ label: `${label}, 50 connections`, url: app.urls, connections: 50, seconds, next });
      rows.push(full);
      saturated.push(full);
    }
  } finally {
    await app.close();
  }

  // The floors: servers that do nothing but answer, on the same cores under the same load.
  const floors = [
    { kind: 'node', answer: '{"status":"ok"}', label: 'floor: node:http alone, the /healthz answer' },
    { kind: 'express', answer: '{"status":"ok"}', label: 'floor: Express, one route, no middleware, the /healthz answer' },
    { kind: 'express', answer: exampleAnswer, label: `floor: Express, one route, no middleware, a week's availability answer made beforehand (${(exampleAnswer.length / 1024).toFixed(1)} KB)` },
  ] as const;
  for (const floor of floors) {
    const servers = await startFloorServers(floor.kind, serverCount, floor.answer);
    try {
      await load({ label: 'warm-up', url: servers.urls, connections: 10, seconds: quick ? 1 : 3, request: { path: '/healthz' } });
      rows.push(await load({ label: `${floor.label}, 50 connections`, url: servers.urls, connections: 50, seconds: baselineSeconds, request: { path: '/healthz' } }));
    } finally {
      await servers.close();
    }
  }

  printTable(rows);
  console.log();
  for (const [r, target] of [[saturated[0], TARGET.search], [saturated[1], TARGET.availability]] as const) {
    console.log(`${r?.label}: p95 ${r?.p95.toFixed(1)} ms (target < ${target} ms): ${r && r.p95 < target ? 'met' : 'MISSED'}`);
  }
} finally {
  await database.close();
}
