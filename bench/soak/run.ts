import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { createUser, TEST_PASSWORD } from '../../server/src/db/testing/fixtures';
import { startAppServer } from '../lib/app-server';
import { openBenchDatabase } from '../lib/bench-database';
import { fill, QUICK_SCALE } from '../lib/fill';
import { percentileOf } from '../lib/load';
import { availabilityRequest, machine, searchRequest } from '../search/workload';

/*
 * npm run bench:soak [-- --minutes 10] [--rate 40] [--quick]
 * One real server process (ROLE=all: API and outbox worker, mails as .eml files) on a database of
 * its own, driven at a fixed rate (open loop: requests leave on schedule whether or not earlier
 * ones have answered) with 70 % search, 20 % availability, 8 % booking, 2 % cancel. Prints
 * latency and statuses per kind, the server's RSS over the run, and checks in SQL afterwards that
 * no two active claims overlap and that every booking the run made has its mails sent.
 */
const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, minutes: { type: 'string' }, rate: { type: 'string', default: '40' } },
});
const quick = args.quick === true;
const minutes = Number(args.minutes ?? (quick ? 0.5 : 10));
const rate = Number(args.rate);
if (!(minutes > 0 && minutes <= 120)) throw new Error('--minutes must be in (0, 120]');
if (!(rate > 0 && rate <= 500)) throw new Error('--rate must be in (0, 500] requests/s');
const WARM_UP_SECONDS = quick ? 5 : 20;
const MAX_IN_FLIGHT = 1000;
const REQUEST_TIMEOUT_MS = 30_000;
const USERS = 5;
const DATA_DIR = path.resolve('var', 'bench-soak');
const RSS_GROWTH_FLAG = 20;

type Kind = 'search' | 'availability' | 'booking' | 'cancel';
const KINDS: Kind[] = ['search', 'availability', 'booking', 'cancel'];
interface Tally {
  latencies: number[];
  /** "200", "409 booking_conflict", "network TimeoutError" … */
  outcomes: Map<string, number>;
  errors: number;
}
const newTally = (): Tally => ({ latencies: [], outcomes: new Map(), errors: 0 });
const newTallies = (): Record<Kind, Tally> => ({ search: newTally(), availability: newTally(), booking: newTally(), cancel: newTally() });

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

console.log(`machine: ${await machine()}`);
console.log(`soak: ${minutes} min at ${rate} requests/s (open loop), ${WARM_UP_SECONDS} s warm-up first`);
const database = await openBenchDatabase({ name: 'landraeume_bench_soak' });
try {
  const db = database.dataSource;
  console.log(`database: ${database.description}`);
  const fillStarted = performance.now();
  const counts = await fill(db, QUICK_SCALE);
  console.log(`filled in ${elapsed(fillStarted)}:`, Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', '));

  const users = [];
  for (let i = 1; i <= USERS; i++) users.push(await createUser(db, { email: `soak-${i}@example.org`, verified: true }));
  const userIds = users.map((u) => u.id);
  const spaceIds = ((await db.query(`SELECT id FROM spaces WHERE published ORDER BY id`)) as { id: string }[]).map((r) => r.id);
  // Bookable units that no other unit contains or is contained in, so that two of the run's own
  // bookings can never compete: desks, and rooms without parts.
  const desks = (await db.query(`SELECT space_id, id FROM resources WHERE kind = 'desk' ORDER BY id`)) as { space_id: string; id: string }[];
  const rooms = (await db.query(
    `SELECT r.space_id, r.id FROM resources r WHERE r.kind = 'room' AND NOT EXISTS (SELECT 1 FROM resources p WHERE p.parent_id = r.id) ORDER BY r.id`,
  )) as { space_id: string; id: string }[];

  await rm(DATA_DIR, { recursive: true, force: true });
  const server = await startAppServer(database.url, { role: 'all', dataDir: DATA_DIR });
  console.log(`server: main.ts, ROLE=all, pid ${server.pid}, DATA_DIR ${path.relative(process.cwd(), DATA_DIR)}`);
  try {
    const cookies: string[] = [];
    for (const user of users) {
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }) });
      if (res.status !== 200) throw new Error(`sign-in of ${user.email}: ${res.status} ${await res.text()}`);
      cookies.push(res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
    }

    // Distinct slots from six weeks ahead over a year: a desk for a whole day, or a room for two
    // hours. The fill's bookings end with 2026, so none of these is taken unless this run took it.
    const today = DateTime.now().setZone('Europe/Berlin').startOf('day');
    const taken = new Set<string>();
    const nextSlot = (): Record<string, unknown> => {
      for (;;) {
        const day = today.plus({ days: 42 + Math.floor(Math.random() * 365) });
        if (Math.random() < 0.5) {
          const desk = desks[Math.floor(Math.random() * desks.length)]!;
          const key = `${desk.id}|${day.toISODate()}`;
          if (taken.has(key)) continue;
          taken.add(key);
          return { spaceId: desk.space_id, resourceId: desk.id, date: day.toISODate() };
        }
        const room = rooms[Math.floor(Math.random() * rooms.length)]!;
        const start = day.set({ hour: 7 + 2 * Math.floor(Math.random() * 7) });
        const key = `${room.id}|${start.toISO()}`;
        if (taken.has(key)) continue;
        taken.add(key);
        return { spaceId: room.space_id, resourceId: room.id, start: start.toISO(), end: start.plus({ hours: 2 }).toISO() };
      }
    };
    // Searches and availability within the next three months, as people plan.
    const soon = () => today.plus({ days: 1 + Math.floor(Math.random() * 90) });
    const availability = availabilityRequest(spaceIds, soon);
    const search = () => searchRequest(soon);
    /** Bookings of this run that are confirmed and not yet cancelled (or asked to be), with whose they are. */
    const cancellable: { id: string; user: number }[] = [];

    const send = async (tally: Record<Kind, Tally>, kind: Kind, request: { method?: string; path: string; body?: string; cookie?: string }, after?: (status: number, body: unknown) => void) => {
      const started = performance.now();
      const t = tally[kind];
      let outcome: string;
      try {
        const res = await fetch(`${server.url}${request.path}`, {
          method: request.method ?? 'GET',
          headers: { ...(request.body ? { 'content-type': 'application/json' } : {}), ...(request.cookie ? { cookie: request.cookie } : {}) },
          body: request.body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await res.text();
        t.latencies.push(performance.now() - started);
        outcome = String(res.status);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        if (res.status >= 400) outcome += ` ${(body as { error?: { code?: string } } | undefined)?.error?.code ?? '(no error code)'}`;
        if (res.status >= 500) t.errors++;
        after?.(res.status, body);
      } catch (err) {
        outcome = `network ${(err as Error).name}`;
        t.errors++;
      }
      t.outcomes.set(outcome, (t.outcomes.get(outcome) ?? 0) + 1);
    };

    const fire = (tally: Record<Kind, Tally>, n: number): Promise<void> => {
      const r = Math.random();
      const user = n % USERS;
      if (r >= 0.98 && cancellable.length > 0) {
        const [victim] = cancellable.splice(Math.floor(Math.random() * cancellable.length), 1);
        return send(tally, 'cancel', { method: 'POST', path: `/api/bookings/${victim!.id}/cancel`, body: '{}', cookie: cookies[victim!.user] });
      }
      if (r >= 0.9) {
        return send(tally, 'booking', { method: 'POST', path: '/api/bookings', body: JSON.stringify(nextSlot()), cookie: cookies[user] }, (status, body) => {
          const booking = body as { id?: string; status?: string } | undefined;
          if (status === 201 && booking?.id && booking.status === 'confirmed') cancellable.push({ id: booking.id, user });
        });
      }
      if (r >= 0.7) return send(tally, 'availability', availability());
      return send(tally, 'search', search());
    };

    /** Sends `rate` requests a second on schedule for `seconds`, never more than MAX_IN_FLIGHT at once; stops by itself. */
    const drive = async (seconds: number) => {
      const tally = newTallies();
      const total = Math.round(rate * seconds);
      const lags: number[] = [];
      const inFlight = new Set<Promise<void>>();
      let dropped = 0;
      const started = performance.now();
      const hardStop = started + seconds * 1000 + 5_000;
      for (let n = 0; n < total && performance.now() < hardStop; n++) {
        const due = started + (n * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        lags.push(performance.now() - due);
        if (inFlight.size >= MAX_IN_FLIGHT) {
          dropped++;
          continue;
        }
        const p = fire(tally, n).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await Promise.all(inFlight);
      return { tally, seconds: (performance.now() - started) / 1000, lags, dropped };
    };

    await drive(WARM_UP_SECONDS);
    const rssStart = await rssKiB(server.pid);
    const rssSeries: [number, number][] = [[0, rssStart]];
    const sampleEvery = quick ? 10_000 : 60_000;
    const loadStarted = performance.now();
    const sampler = setInterval(() => {
      void rssKiB(server.pid).then((kib) => rssSeries.push([(performance.now() - loadStarted) / 60_000, kib]), () => undefined);
    }, sampleEvery);
    const run = await drive(minutes * 60);
    clearInterval(sampler);
    const rssEnd = await rssKiB(server.pid);

    const sent = KINDS.reduce((a, k) => a + [...run.tally[k].outcomes.values()].reduce((x, y) => x + y, 0), 0);
    console.log(`\nload: ${sent} requests in ${run.seconds.toFixed(1)} s; schedule lag p99 ${percentileOf(run.lags, 99).toFixed(1)} ms, max ${Math.max(...run.lags).toFixed(1)} ms; dropped at the in-flight cap: ${run.dropped}`);
    console.log('\n| kind | count | p50 ms | p95 ms | p99 ms | errors (5xx, network) | statuses |');
    console.log('|---|---|---|---|---|---|---|');
    for (const kind of KINDS) {
      const t = run.tally[kind];
      const count = [...t.outcomes.values()].reduce((a, b) => a + b, 0);
      const pct = (p: number) => (t.latencies.length ? percentileOf(t.latencies, p).toFixed(1) : '–');
      const statuses = [...t.outcomes.entries()].sort().map(([o, n]) => `${o} ×${n}`).join(', ');
      console.log(`| ${kind} | ${count} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${t.errors} | ${statuses} |`);
    }
    const growth = (100 * (rssEnd - rssStart)) / rssStart;
    console.log(`\nserver RSS: ${mib(rssStart)} after warm-up, ${mib(rssEnd)} at the end: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %${growth > RSS_GROWTH_FLAG ? `  ⚠ GROWTH ABOVE ${RSS_GROWTH_FLAG} %` : ''}`);
    console.log(`RSS over the run: ${rssSeries.map(([m, kib]) => `${m.toFixed(1)} min ${mib(kib)}`).join(', ')}`);

    // Give the worker (every 2 s, 50 mails a round) time to send what the last bookings queued.
    const drainStarted = performance.now();
    let pending = Infinity;
    while (performance.now() - drainStarted < 60_000) {
      [{ pending }] = (await db.query(`SELECT count(*)::int AS pending FROM outbox_jobs WHERE status = 'pending' AND run_at <= now()`)) as [{ pending: number }];
      if (pending === 0) break;
      await sleep(1000);
    }
    console.log(`\noutbox drained after ${elapsed(drainStarted)} (due jobs still pending: ${pending})`);
  } finally {
    await server.close();
  }

  // The consistency checks, straight in SQL with the server stopped.
  const [overlap] = (await db.query(
    `SELECT count(*)::int AS pairs, min(a.unit_id::text) AS example_unit FROM booking_claims a
       JOIN booking_claims b ON b.unit_id = a.unit_id AND b.booking_id > a.booking_id AND b.period && a.period
      WHERE a.active AND b.active`,
  )) as [{ pairs: number; example_unit: string | null }];
  console.log(`\nconsistency: overlapping active claims of one unit: ${overlap.pairs}${overlap.pairs ? `  ⚠ e.g. unit ${overlap.example_unit}` : ' (none)'}`);
  const bookings = (await db.query(`SELECT status, count(*)::int AS n FROM bookings WHERE booker_id = ANY($1) GROUP BY status ORDER BY status`, [userIds])) as { status: string; n: number }[];
  console.log(`bookings of the run (warm-up included) in the database: ${bookings.map((b) => `${b.status} ${b.n}`).join(', ') || 'none'}`);
  const mails = (await db.query(
    `WITH run AS (SELECT id, status FROM bookings WHERE booker_id = ANY($1)),
     expected AS (SELECT id, 'confirmed' AS event FROM run WHERE status IN ('confirmed', 'cancelled')
                  UNION ALL SELECT id, 'cancelled' FROM run WHERE status = 'cancelled')
     SELECT e.event, coalesce(j.status, 'missing') AS job, count(*)::int AS n
       FROM expected e LEFT JOIN outbox_jobs j ON j.kind = 'booking.mail' AND j.payload->>'bookingId' = e.id::text AND j.payload->>'event' = e.event
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [userIds],
  )) as { event: string; job: string; n: number }[];
  console.log(`mail jobs of those bookings (event: job status): ${mails.map((m) => `${m.event}: ${m.job} ${m.n}`).join(', ') || 'none'}`);
  const notDone = mails.filter((m) => m.job !== 'done').reduce((a, m) => a + m.n, 0);
  const [done] = (await db.query(`SELECT count(*)::int AS n FROM outbox_jobs WHERE status = 'done'`)) as [{ n: number }];
  const files = (await readdir(path.join(DATA_DIR, 'mail')).catch(() => [])).filter((f) => f.endsWith('.eml')).length;
  console.log(`mails: ${done.n} outbox jobs done, ${files} .eml files written`);
  console.log(`\nverdict: ${overlap.pairs === 0 ? 'no double booking' : 'DOUBLE BOOKING'}; ${notDone === 0 ? 'every mail of the run sent' : `${notDone} mails of the run not sent`}`);
} finally {
  await database.close();
}
