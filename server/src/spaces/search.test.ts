import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingClaims, createOrganization, createSpace, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';

let t: TestApp;
let provider: string;
let coesfeldDesks: SpaceFixture;
let duelmenHall: SpaceFixture;
let senden: SpaceFixture;
let hidden: SpaceFixture;

const names = (res: request.Response) => (res.body.items as { name: string }[]).map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  provider = await createOrganization(db, 'provider', 'Anbieter Suche');
  coesfeldDesks = await createSpace(db, provider, { name: 'Desk Coesfeld', desks: 2, municipality: 'Coesfeld', lat: 51.9459, lon: 7.1675, capacity: 2, amenities: ['wifi', 'coffee'], description: 'Mit Glasfaser' });
  duelmenHall = await createSpace(db, provider, { name: 'Halle Dülmen', kind: 'sports_hall', room: { capacity: 90, parts: 3 }, municipality: 'Dülmen', lat: 51.8306, lon: 7.2808, capacity: 90, amenities: ['showers', 'changing_rooms'] });
  senden = await createSpace(db, provider, { name: 'Saal Senden', kind: 'event_room', room: { capacity: 120 }, municipality: 'Senden', lat: 51.8572, lon: 7.4833, capacity: 120, amenities: ['stage'], holidaysClosed: false });
  hidden = await createSpace(db, provider, { name: 'Unveröffentlicht', desks: 1, published: false });
  const suspended = await createOrganization(db, 'provider', 'Gesperrter Anbieter');
  await createSpace(db, suspended, { name: 'Gesperrt', desks: 1 });
  await db.query(`UPDATE organizations SET status = 'suspended' WHERE id = $1`, [suspended]);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/spaces', () => {
  it('lists only published spaces of active organizations', async () => {
    const res = await request(t.app).get('/api/spaces').expect(200);
    expect(names(res).sort()).toEqual(['Desk Coesfeld', 'Halle Dülmen', 'Saal Senden']);
    expect(res.body.total).toBe(3);
    expect(names(res)).not.toContain(hidden.slug);
  });

  it('filters by kind, town, capacity, amenities (all of) and text', async () => {
    expect(names(await request(t.app).get('/api/spaces?kind=sports_hall').expect(200))).toEqual(['Halle Dülmen']);
    expect(names(await request(t.app).get(`/api/spaces?municipality=${encodeURIComponent('Dülmen')}`).expect(200))).toEqual(['Halle Dülmen']);
    expect(names(await request(t.app).get('/api/spaces?minCapacity=100').expect(200))).toEqual(['Saal Senden']);
    expect(names(await request(t.app).get('/api/spaces?amenities=wifi,coffee').expect(200))).toEqual(['Desk Coesfeld']);
    expect(names(await request(t.app).get('/api/spaces?amenities=wifi&amenities=stage').expect(200))).toEqual([]);
    expect(names(await request(t.app).get('/api/spaces?q=glasfaser').expect(200))).toEqual(['Desk Coesfeld']);
    expect(names(await request(t.app).get('/api/spaces?q=100%25').expect(200))).toEqual([]);
  });

  it('sorts by distance from a point and keeps to the radius', async () => {
    const res = await request(t.app).get('/api/spaces?near=51.857,7.483&radiusKm=20').expect(200);
    expect(names(res)).toEqual(['Saal Senden', 'Halle Dülmen']);
    const [first, second] = res.body.items as { distanceKm: number }[];
    expect(first!.distanceKm).toBeLessThan(0.5);
    expect(second!.distanceKm).toBeGreaterThan(10);
    expect(second!.distanceKm).toBeLessThan(20);
    expect(names(await request(t.app).get('/api/spaces?near=51.857,7.483&radiusKm=1').expect(200))).toEqual(['Saal Senden']);
  });

  it('searches around the centre of a district postcode, and refuses one from elsewhere', async () => {
    expect(names(await request(t.app).get('/api/spaces?postcode=48653&radiusKm=5').expect(200))).toEqual(['Desk Coesfeld']);
    const res = await request(t.app).get('/api/spaces?postcode=10115').expect(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('presents a space alike with and without a window, but for the free units', async () => {
    const near = 'near=51.857,7.483&radiusKm=30';
    const listed = (await request(t.app).get(`/api/spaces?${near}`).expect(200)).body.items as { freeUnits: number | null }[];
    const windowed = (await request(t.app).get(`/api/spaces?${near}&date=2026-12-22`).expect(200)).body.items as { freeUnits: number | null }[];
    expect(windowed.map((item) => ({ ...item, freeUnits: null }))).toEqual(listed);
    expect(windowed.map((item) => item.freeUnits)).toEqual([1, 3, 2]);
  });

  it('with a window, keeps only spaces with a unit free for all of its open time', async () => {
    const db = t.db.dataSource;
    // Tuesday 2026-12-01: one of two desks taken all day, then the second one for an hour.
    await createBookingClaims(db, { spaceId: coesfeldDesks.id, resourceId: coesfeldDesks.resourceIds[0]!, unitIds: [coesfeldDesks.resourceIds[0]!], start: '2026-12-01T08:00:00+01:00', end: '2026-12-01T18:00:00+01:00' });
    let res = await request(t.app).get('/api/spaces?date=2026-12-01&kind=coworking').expect(200);
    expect(res.body.items).toMatchObject([{ name: 'Desk Coesfeld', freeUnits: 1, deskCount: 2 }]);
    await createBookingClaims(db, { spaceId: coesfeldDesks.id, resourceId: coesfeldDesks.resourceIds[1]!, unitIds: [coesfeldDesks.resourceIds[1]!], start: '2026-12-01T12:00:00+01:00', end: '2026-12-01T13:00:00+01:00' });
    res = await request(t.app).get('/api/spaces?date=2026-12-01&kind=coworking').expect(200);
    expect(res.body.items).toEqual([]);
    res = await request(t.app).get(`/api/spaces?kind=coworking&from=${encodeURIComponent('2026-12-01T14:00:00+01:00')}&to=${encodeURIComponent('2026-12-01T16:00:00+01:00')}`).expect(200);
    expect(res.body.items).toMatchObject([{ name: 'Desk Coesfeld', freeUnits: 1 }]);
  });

  it('counts the free parts of a divisible hall, and none when the whole is booked', async () => {
    const db = t.db.dataSource;
    const [whole, part1, part2, part3] = duelmenHall.resourceIds as [string, string, string, string];
    await createBookingClaims(db, { spaceId: duelmenHall.id, resourceId: part1, unitIds: [part1], start: '2026-12-02T08:00:00+01:00', end: '2026-12-02T18:00:00+01:00' });
    let res = await request(t.app).get('/api/spaces?date=2026-12-02&kind=sports_hall').expect(200);
    expect(res.body.items).toMatchObject([{ name: 'Halle Dülmen', freeUnits: 2 }]);
    await createBookingClaims(db, { spaceId: duelmenHall.id, resourceId: whole, unitIds: [part1, part2, part3].slice(1), start: '2026-12-03T08:00:00+01:00', end: '2026-12-03T18:00:00+01:00' });
    await createBookingClaims(db, { spaceId: duelmenHall.id, resourceId: part1, unitIds: [part1], start: '2026-12-03T08:00:00+01:00', end: '2026-12-03T09:00:00+01:00' });
    res = await request(t.app).get('/api/spaces?date=2026-12-03&kind=sports_hall').expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('leaves out closed spaces: closures, NRW holidays (unless opted out) and closed resources', async () => {
    const db = t.db.dataSource;
    await db.query(`INSERT INTO closures (space_id, starts_on, ends_on, reason) VALUES ($1, '2026-12-07', '2026-12-08', 'Renovierung')`, [duelmenHall.id]);
    expect(names(await request(t.app).get('/api/spaces?date=2026-12-07').expect(200))).toEqual(['Desk Coesfeld', 'Saal Senden']);
    // 2026-12-25 is a public holiday in NRW; Saal Senden opted out of holiday closing.
    expect(names(await request(t.app).get('/api/spaces?date=2026-12-25').expect(200))).toEqual(['Saal Senden']);
    await db.query(`INSERT INTO closures (space_id, resource_id, starts_on, ends_on) VALUES ($1, $2, '2026-12-09', '2026-12-09')`, [coesfeldDesks.id, coesfeldDesks.resourceIds[0]]);
    expect((await request(t.app).get('/api/spaces?date=2026-12-09&kind=coworking').expect(200)).body.items).toMatchObject([{ freeUnits: 1 }]);
  });

  it('keeps opening hours in local time on the DST day', async () => {
    // 2026-03-29: clocks go forward at 02:00; 08:00–18:00 local is 06:00–16:00 UTC.
    const res = await request(t.app).get(`/api/spaces?kind=coworking&from=${encodeURIComponent('2026-03-29T15:30:00Z')}&to=${encodeURIComponent('2026-03-29T16:30:00Z')}`).expect(200);
    expect(res.body.items).toMatchObject([{ name: 'Desk Coesfeld', freeUnits: 2 }]);
    const closed = await request(t.app).get(`/api/spaces?kind=coworking&from=${encodeURIComponent('2026-03-29T16:00:00Z')}&to=${encodeURIComponent('2026-03-29T17:00:00Z')}`).expect(200);
    expect(closed.body.items).toEqual([]);
  });

  it('paginates with a stable total', async () => {
    const page1 = await request(t.app).get('/api/spaces?pageSize=2&page=1').expect(200);
    const page2 = await request(t.app).get('/api/spaces?pageSize=2&page=2').expect(200);
    const page9 = await request(t.app).get('/api/spaces?pageSize=2&page=9').expect(200);
    expect([...names(page1), ...names(page2)].sort()).toEqual(['Desk Coesfeld', 'Halle Dülmen', 'Saal Senden']);
    expect([page1.body.total, page2.body.total, page9.body.total]).toEqual([3, 3, 3]);
    expect([page1.body.hasMore, page2.body.hasMore, page9.body.hasMore]).toEqual([true, false, false]);
    expect(page9.body.items).toEqual([]);
  });

  it('with a window, stops once the page is full: no total until every candidate was looked at', async () => {
    const db = t.db.dataSource;
    // Two more spaces, farther from Coesfeld than the others.
    await createSpace(db, provider, { name: 'Desk Olfen', desks: 1, municipality: 'Olfen', lat: 51.7078, lon: 7.3817 });
    await createSpace(db, provider, { name: 'Desk Ascheberg', desks: 1, municipality: 'Ascheberg', lat: 51.789, lon: 7.62 });
    const page = async (n: number) => (await request(t.app).get(`/api/spaces?date=2026-12-15&near=51.9459,7.1675&radiusKm=50&pageSize=1&page=${n}`).expect(200)).body as { items: { name: string }[]; total: number | null; hasMore: boolean };
    expect(await page(1)).toMatchObject({ items: [{ name: 'Desk Coesfeld' }], total: null, hasMore: true });
    expect(await page(5)).toMatchObject({ items: [{ name: 'Desk Ascheberg' }], total: 5, hasMore: false });

    // With both desks and the hall taken, the first batch (the page, one more, and a quarter as
    // many again, rounded up: three spaces) holds one free space only, so the search looks
    // further and, having seen every candidate, knows the total.
    for (const desk of coesfeldDesks.resourceIds) {
      await createBookingClaims(db, { spaceId: coesfeldDesks.id, resourceId: desk, unitIds: [desk], start: '2026-12-15T08:00:00+01:00', end: '2026-12-15T18:00:00+01:00' });
    }
    const [hall, ...thirds] = duelmenHall.resourceIds;
    await createBookingClaims(db, { spaceId: duelmenHall.id, resourceId: hall!, unitIds: thirds, start: '2026-12-15T09:00:00+01:00', end: '2026-12-15T10:00:00+01:00' });
    expect(await page(1)).toMatchObject({ items: [{ name: 'Saal Senden' }], total: 3, hasMore: true });
    expect(await page(3)).toMatchObject({ items: [{ name: 'Desk Ascheberg' }], total: 3, hasMore: false });
    expect(await page(4)).toMatchObject({ items: [], total: 3, hasMore: false });
  });

  it('refuses malformed searches with a clear 400', async () => {
    for (const bad of ['from=2026-12-01T10:00:00%2B01:00', 'date=2026-02-30', 'from=2026-12-01T10:00:00&to=2026-12-01T12:00:00', 'near=91,7', 'near=51.9', 'amenities=jacuzzi', 'date=2026-12-01&from=2026-12-01T10:00:00Z&to=2026-12-01T12:00:00Z', 'from=2026-12-01T00:00:00Z&to=2027-02-01T00:00:00Z', 'near=51.9,7.1&postcode=48653', 'radiusKm=-3']) {
      const res = await request(t.app).get(`/api/spaces?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code, bad).toBe('invalid_input');
    }
  });
});
