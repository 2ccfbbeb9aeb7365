import { DateTime } from 'luxon';
import { createUser } from '../../server/src/db/testing/fixtures';
import { sessionCookie } from '../../server/src/db/testing/personas';
import { BENCH_SESSION_SECRET, startAppServers } from '../lib/app-server';
import { openBenchDatabase } from '../lib/bench-database';
import { fill, QUICK_SCALE } from '../lib/fill';
import { loadAmount } from '../lib/fixed-amount';
import { load, percentileOf, printTable, type LoadResult } from '../lib/load';
import { requireWrk } from '../lib/wrk';
import { sqlCeiling } from './sql-ceiling';

/*
 * npm run bench:booking [-- --quick] [--servers N]
 * Bookings per second through POST /api/bookings at 64 connections on distinct free slots, with
 * one API server process and with N (2 by default, as docker/compose runs them), the same
 * inserts straight into PostgreSQL under the same constraint (the ceiling), and the contended
 * case: 500 "any desk" requests for one slot of a 10-desk space. API and ceiling are measured in
 * alternating rounds, and the round with the median ratio is reported: this machine's speed
 * moves by more between two runs than the ratio's target leaves room for.
 */
requireWrk();
const quick = process.argv.includes('--quick');
const serverCount = Number(process.argv[process.argv.indexOf('--servers') + 1] ?? 2) || 2;
const seconds = quick ? 5 : 20;
const rounds = quick ? 1 : 3;
/** Slots a ceiling round takes at most (4,000 writes/s): the next round starts beyond them. */
const CEILING_ROUND_SLOTS = seconds * 4_000;
const database = await openBenchDatabase({ name: 'landraeume_bench_booking' });
try {
  const fillStarted = performance.now();
  await fill(database.dataSource, QUICK_SCALE);
  console.log(`fill: ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
  const db = database.dataSource;
  const desks = (await db.query(`SELECT r.space_id, r.id FROM resources r WHERE r.kind = 'desk' ORDER BY r.id`)) as { space_id: string; id: string }[];
  const booker = await createUser(db);
  const cookie = await sessionCookie(db, booker.id, BENCH_SESSION_SECRET);
  const firstDay = DateTime.fromISO('2027-01-04', { zone: 'Europe/Berlin' });
  // Slot n: desk n mod D, hour 7..20, day after day, so no two requests ever compete.
  const slot = (n: number, from: DateTime) => {
    const desk = desks[n % desks.length]!;
    const hour = 7 + (Math.floor(n / desks.length) % 14);
    const start = from.plus({ days: Math.floor(n / (desks.length * 14)) }).set({ hour });
    return { spaceId: desk.space_id, resourceId: desk.id, start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()! };
  };
  const headers = { 'content-type': 'application/json', cookie };
  let n = 0;
  // Each call a slot no earlier call had, across all runs.
  const booking = () => ({ method: 'POST' as const, path: '/api/bookings', headers, body: JSON.stringify(slot(n++, firstDay)) });
  const processes = (count: number) => `${count} server process${count > 1 ? 'es' : ''}`;
  const bookSlots = (urls: string[]) =>
    load({ label: `POST /api/bookings, distinct free slots, ${processes(urls.length)}`, url: urls, connections: 64, seconds, next: booking });
  // New server processes compile their hot paths during their first seconds of load.
  const warmUp = (urls: string[]) => load({ label: 'warm-up', url: urls, connections: 16, seconds: quick ? 1 : 10, next: booking });
  const lone = await startAppServers(database.url, 1);
  const single = await warmUp(lone.urls).then(() => bookSlots(lone.urls)).finally(() => lone.close());
  const server = await startAppServers(database.url, serverCount);
  try {
    await warmUp(server.urls);
    const measured: { api: LoadResult; apiPerSecond: number; ceiling: Awaited<ReturnType<typeof sqlCeiling>>; ratio: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const api = serverCount > 1 || round > 0 ? await bookSlots(server.urls) : single;
      const ceiling = await sqlCeiling(database.url, 64, seconds, (i) => slot(i + round * CEILING_ROUND_SLOTS, firstDay.plus({ years: 1 })), { kind: 'app-insert', bookerId: booker.id });
      const apiPerSecond = (api.statuses['201'] ?? 0) / seconds;
      measured.push({ api, apiPerSecond, ceiling, ratio: apiPerSecond / ceiling.perSecond });
      console.log(`round ${round + 1}: API ${apiPerSecond.toFixed(0)} bookings/s, SQL ceiling ${ceiling.perSecond.toFixed(0)}/s, ratio ${(100 * apiPerSecond / ceiling.perSecond).toFixed(0)} %`);
    }
    const { api, apiPerSecond, ceiling } = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor(measured.length / 2)]!;
    const bare = await sqlCeiling(database.url, 64, seconds, (i) => slot(i, firstDay.plus({ years: 2 })), { kind: 'bare' });

    const [space] = (await db.query(
      `INSERT INTO spaces (organization_id, kind, name, slug, street, postcode, town, municipality, lat, lon, capacity, published, horizon_days)
       SELECT id, 'coworking', 'Umkämpft', 'umkaempft', 'Markt 1', '48653', 'Coesfeld', 'Coesfeld', 51.94, 7.16, 10, true, 730 FROM organizations LIMIT 1 RETURNING id`,
    )) as [{ id: string }];
    await db.query(`INSERT INTO resources (space_id, kind, name, capacity) SELECT $1, 'desk', 'Platz ' || n, 1 FROM generate_series(1, 10) n`, [space.id]);
    await db.query(`INSERT INTO opening_hours (space_id, weekday, opens, closes) SELECT $1, d, '07:00', '21:00' FROM generate_series(1, 7) d`, [space.id]);
    const contendedSlot = JSON.stringify({ spaceId: space.id, start: '2027-03-02T10:00:00+01:00', end: '2027-03-02T12:00:00+01:00' });
    const contended = await loadAmount({ label: '500 × any desk, one slot, 10 desks', url: server.urls, connections: 100, amount: 500, next: () => ({ method: 'POST', path: '/api/bookings', headers, body: contendedSlot }) });

    printTable(serverCount > 1 ? [single, api, contended] : [api, contended]);
    const created = api.statuses['201'] ?? 0;
    console.log(`\nAPI: ${apiPerSecond.toFixed(0)} bookings/s (${created} created in ${seconds} s, ${processes(serverCount)}, the median round of ${rounds}; one process: ${((single.statuses['201'] ?? 0) / seconds).toFixed(0)}/s)`);
    console.log(`SQL ceiling: ${ceiling.perSecond.toFixed(0)} bookings/s (${ceiling.created} in ${seconds} s, 64 connections, the API's insert statement, the same round)`);
    console.log(`ratio API / SQL: ${((100 * apiPerSecond) / ceiling.perSecond).toFixed(0)} %`);
    console.log(`bare inserts (booking and claim rows only): ${bare.perSecond.toFixed(0)} bookings/s, ratio ${((100 * apiPerSecond) / bare.perSecond).toFixed(0)} %`);
    console.log(`contended: ${contended.statuses['201'] ?? 0} created (10 desks), 409s: ${contended.statuses['409'] ?? 0}, p95 of the 409s: ${percentileOf(contended.latencies['409'] ?? [], 95).toFixed(1)} ms`);
  } finally {
    await server.close();
  }
} finally {
  await database.close();
}
