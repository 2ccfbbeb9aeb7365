import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createSpace } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';

/*
 * "Nearest first" comes from a GiST index on a point of the unit sphere (migration 14000) and a
 * search with a window reads it a batch at a time. Whatever the index and the batches do, the
 * pages must add up to what a plain great-circle sort of every space gives.
 */
const CENTRE = { lat: 51.85, lon: 7.35 };
const RADIUS_KM = 12;

interface Point {
  name: string;
  lat: number;
  lon: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;
const greatCircleKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  12742 * Math.asin(Math.sqrt(Math.sin(radians(b.lat - a.lat) / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(radians(b.lon - a.lon) / 2) ** 2));

// Up to ~25 km from the centre, so some fall outside the radius; every fifth shares the
// previous one's place, so ties are decided by name.
const points: Point[] = fc
  .sample(fc.noBias(fc.record({ dLat: fc.integer({ min: -2200, max: 2200 }), dLon: fc.integer({ min: -3600, max: 3600 }) })), { numRuns: 36, seed: 20261125 })
  .reduce<Point[]>((all, { dLat, dLon }, i) => {
    const previous = all[i - 1];
    const place = i % 5 === 4 && previous ? { lat: previous.lat, lon: previous.lon } : { lat: CENTRE.lat + dLat / 10_000, lon: CENTRE.lon + dLon / 10_000 };
    return [...all, { name: `Ort ${String(i).padStart(2, '0')}`, ...place }];
  }, []);

const expected = points
  .map((p) => ({ ...p, km: greatCircleKm(CENTRE, p) }))
  .filter((p) => p.km <= RADIUS_KM)
  .sort((a, b) => a.km - b.km || a.name.localeCompare(b.name))
  .map((p) => p.name);

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const provider = await createOrganization(t.db.dataSource, 'provider', 'Anbieter Umkreis');
  for (const p of points) await createSpace(t.db.dataSource, provider, { name: p.name, desks: 1, lat: p.lat, lon: p.lon });
});
afterAll(async () => {
  await t?.close();
});

async function allPages(filters: string): Promise<{ names: string[]; distances: number[] }> {
  const names: string[] = [];
  const distances: number[] = [];
  for (let page = 1; ; page++) {
    const res = await request(t.app).get(`/api/spaces?near=${CENTRE.lat},${CENTRE.lon}&radiusKm=${RADIUS_KM}&pageSize=4&page=${page}${filters}`).expect(200);
    const body = res.body as { items: { name: string; distanceKm: number }[]; hasMore: boolean };
    names.push(...body.items.map((i) => i.name));
    distances.push(...body.items.map((i) => i.distanceKm));
    if (!body.hasMore) return { names, distances };
  }
}

describe('nearest first', () => {
  it('has spaces both inside and outside the radius to tell apart', () => {
    expect(expected.length).toBeGreaterThan(8);
    expect(expected.length).toBeLessThan(points.length);
  });

  it('pages through every space in the radius in great-circle order, ties by name', async () => {
    const { names, distances } = await allPages('');
    expect(names).toEqual(expected);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('gives the same order a batch at a time when a window is asked for', async () => {
    expect((await allPages('&date=2026-12-15&kind=coworking')).names).toEqual(expected);
  });
});
