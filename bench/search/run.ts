import { DateTime } from 'luxon';
import { startAppServer } from '../lib/app-server';
import { databaseUrlOf, openBenchDatabase, timed } from '../lib/bench-db';
import { fill, FULL_SCALE, QUICK_SCALE } from '../lib/fill';
import { load, printTable } from '../lib/load';

/*
 * Search and availability under load: 5,000 spaces, ~50,000 resources and ~1,000,000 bookings
 * of 2026, then GET /api/spaces (one day, near, kind) and GET /api/spaces/:id/availability (a
 * week) at 50 connections. `--quick` shrinks data and time for a smoke run.
 */
const quick = process.argv.includes('--quick');
const seconds = quick ? 5 : 30;
const database = await openBenchDatabase('search');
try {
  const counts = await timed('fill', () => fill(database.dataSource, quick ? QUICK_SCALE : FULL_SCALE));
  console.log(counts);
  const ids = ((await database.dataSource.query(`SELECT id FROM spaces`)) as { id: string }[]).map((r) => r.id);
  const server = await startAppServer(databaseUrlOf(database));
  const random = (n: number) => Math.floor(Math.random() * n);
  const dayOf2026 = () => DateTime.fromISO('2026-01-05', { zone: 'Europe/Berlin' }).plus({ days: random(350) });
  try {
    const search = await load({
      label: 'GET /api/spaces (day, near 15 km, kind)',
      url: server.url,
      connections: 50,
      seconds,
      next: () => {
        const lat = (51.72 + Math.random() * 0.3).toFixed(4);
        const lon = (7.12 + Math.random() * 0.5).toFixed(4);
        const kind = Math.random() < 0.5 ? 'coworking' : 'meeting_room';
        return { path: `/api/spaces?date=${dayOf2026().toISODate()}&near=${lat},${lon}&radiusKm=15&kind=${kind}` };
      },
    });
    const availability = await load({
      label: 'GET /api/spaces/:id/availability (a week)',
      url: server.url,
      connections: 50,
      seconds,
      next: () => {
        const from = dayOf2026();
        return { path: `/api/spaces/${ids[random(ids.length)]}/availability?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: 7 }).toISO()!)}` };
      },
    });
    printTable([search, availability]);
  } finally {
    await server.close();
  }
} finally {
  await database.close();
}
