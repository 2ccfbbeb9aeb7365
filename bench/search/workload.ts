import os from 'node:os';
import { DateTime } from 'luxon';
import { MUNICIPALITIES } from '../../shared/src/municipalities';

/** The requests of the load test: random days of 2026, places in the district, spaces. */
const random = (n: number) => Math.floor(Math.random() * n);
const someDay = () => DateTime.fromISO('2026-01-05', { zone: 'Europe/Berlin' }).plus({ days: random(350) });

export const EXAMPLE_SEARCH = 'date=2026-06-16&kind=coworking&near=51.85,7.35&radiusKm=15';

/** Where people search from: mostly a town centre (± ~3 km), sometimes anywhere in the district. */
function somewhere(): string {
  const town = MUNICIPALITIES[random(MUNICIPALITIES.length)]!;
  const [lat, lon] = Math.random() < 0.7 ? [town.lat + (Math.random() - 0.5) * 0.05, town.lon + (Math.random() - 0.5) * 0.08] : [51.7 + Math.random() * 0.35, 7.1 + Math.random() * 0.55];
  return `${lat.toFixed(4)},${lon.toFixed(4)}`;
}

/** A one-day search near somewhere, for desks or meeting rooms alike (on a day of 2026 unless `day` says). */
export const searchRequest = (day: () => DateTime = someDay) => ({
  path: `/api/spaces?date=${day().toISODate()}&kind=${Math.random() < 0.5 ? 'coworking' : 'meeting_room'}&near=${somewhere()}&radiusKm=15`,
});

/** A week's availability of any space, from a local midnight. */
export const availabilityRequest = (spaceIds: string[], day: () => DateTime = someDay) => () => {
  const from = day();
  return { path: `/api/spaces/${spaceIds[random(spaceIds.length)]}/availability?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: 7 }).toISO()!)}` };
};

/** Share of CPU time idle over the next second: other work on the machine skews every figure. */
export async function idleShare(): Promise<number> {
  const sum = () => os.cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, all: a.all + Object.values(c.times).reduce((x, y) => x + y, 0) }), { idle: 0, all: 0 });
  const before = sum();
  await new Promise((r) => setTimeout(r, 1000));
  const after = sum();
  return (after.idle - before.idle) / (after.all - before.all);
}

export const machine = async () =>
  `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, CPU ${(100 * (await idleShare())).toFixed(0)} % idle before the run`;
