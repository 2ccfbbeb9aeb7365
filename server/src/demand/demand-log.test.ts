import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrganization, createSpace, createUser, type SpaceFixture } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';
import { SpaceService } from '../spaces/spaces.service';
import { SearchDemandLog } from './demand-log';
import { distanceKm, KM_PER_DEGREE_LATITUDE, snapToGrid } from './grid';

let t: TestApp;
let desk: SpaceFixture;
const events = () => t.db.dataSource.query(`SELECT * FROM demand_events ORDER BY id`);

beforeAll(async () => {
  t = await createTestApp();
  const provider = await createOrganization(t.db.dataSource, 'provider');
  desk = await createSpace(t.db.dataSource, provider, { desks: 1, municipality: 'Coesfeld', lat: 51.9459, lon: 7.1675 });
});
afterAll(async () => {
  await t?.close();
});

describe('the 1 km grid', () => {
  it('makes cells at least 1 km on both axes and keeps a point within its cell', () => {
    const point = { lat: 51.94321, lon: 7.16789 };
    const cell = snapToGrid(point);
    const latStep = 1 / KM_PER_DEGREE_LATITUDE;
    // Neighbouring cells' centres are one step apart; measured on the ground that is ≥ 1 km.
    const north = snapToGrid({ lat: cell.lat + latStep, lon: cell.lon });
    const east = snapToGrid({ lat: cell.lat, lon: cell.lon + 1.01 / (KM_PER_DEGREE_LATITUDE * Math.cos((cell.lat * Math.PI) / 180)) });
    expect(distanceKm(cell, north)).toBeGreaterThanOrEqual(0.9999);
    expect(distanceKm(cell, east)).toBeGreaterThanOrEqual(0.9999);
    expect(distanceKm(cell, point)).toBeLessThanOrEqual(0.75);
    // Two houses 300 m apart in one cell are indistinguishable.
    expect(snapToGrid({ lat: cell.lat + 0.001, lon: cell.lon + 0.001 })).toEqual(cell);
  });
});

describe('demand from searches', () => {
  it('records a search with a window anonymously: town, grid cell, kind, window, result count', async () => {
    const cookie = await sessionCookie(t.db.dataSource, (await createUser(t.db.dataSource)).id, TEST_SESSION_SECRET);
    await t.db.dataSource.query(`DELETE FROM demand_events`);
    await request(t.app).get('/api/spaces').query({ kind: 'coworking', date: '2026-12-01', near: '51.94321,7.16789', radiusKm: '5' }).set('Cookie', cookie).expect(200);
    await request(t.app).get('/api/spaces').query({ kind: 'sports_hall', date: '2026-12-02', municipality: 'Olfen' }).expect(200);
    await request(t.app).get('/api/spaces').query({ kind: 'coworking' }).expect(200);
    await t.flush();

    const rows = await events();
    expect(rows).toHaveLength(2);
    const [near, olfen] = rows;
    expect(Object.keys(near).sort()).toEqual(['grid_lat', 'grid_lon', 'id', 'municipality', 'occurred_at', 'result_count', 'source', 'space_id', 'space_kind', 'window_end', 'window_start']);
    expect(near).toMatchObject({ source: 'search', municipality: 'Coesfeld', space_kind: 'coworking', result_count: 1 });
    expect({ lat: near.grid_lat, lon: near.grid_lon }).toEqual(snapToGrid({ lat: 51.94321, lon: 7.16789 }));
    expect(near.grid_lat).not.toBe(51.94321);
    expect(distanceKm({ lat: near.grid_lat, lon: near.grid_lon }, { lat: 51.94321, lon: 7.16789 })).toBeGreaterThan(0.01);
    expect(new Date(near.window_start).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(new Date(near.occurred_at).getUTCMinutes()).toBe(0);
    expect(olfen).toMatchObject({ municipality: 'Olfen', space_kind: 'sports_hall', result_count: 0, grid_lat: null, grid_lon: null });
  });

  it('answers the search even when the figure cannot be written', async () => {
    const failing = new SpaceService(t.db.dataSource, undefined, () => Promise.reject(new Error('disk full')));
    const list = await failing.search({ date: '2026-12-03', page: 1, pageSize: 24 });
    expect(list.total).toBe(1);
  });
});

describe('the search demand log', () => {
  const entry = (kind: 'coworking' | 'meeting_room') => ({ query: { kind, municipality: 'Senden' as const }, window: { from: '2026-12-01T00:00:00+01:00', to: '2026-12-02T00:00:00+01:00' }, resultCount: 3 });

  it('writes the searches of a moment in one statement, at once when the batch is full', async () => {
    const statements: unknown[][] = [];
    const log = new SearchDemandLog({ query: async (_sql, parameters) => void statements.push(parameters!) }, () => undefined, 60_000, 3);
    log.record(entry('coworking'));
    log.record(entry('meeting_room'));
    expect(statements).toHaveLength(0);
    log.record(entry('coworking'));
    await vi.waitFor(() => expect(statements).toHaveLength(1));
    expect(statements[0]![3]).toEqual(['coworking', 'meeting_room', 'coworking']);
    await log.flush();
    expect(statements).toHaveLength(1);
  });

  it('writes what waited when the delay is up, and into the real table', async () => {
    await t.db.dataSource.query(`DELETE FROM demand_events`);
    const log = new SearchDemandLog(t.db.dataSource, (err) => expect.fail(String(err)), 20);
    log.record(entry('meeting_room'));
    await vi.waitFor(async () => expect(await events()).toMatchObject([{ source: 'search', municipality: 'Senden', space_kind: 'meeting_room', result_count: 3 }]));
  });

  it('drops a batch the database refuses, and says so', async () => {
    const errors: unknown[] = [];
    const log = new SearchDemandLog({ query: () => Promise.reject(new Error('disk full')) }, (err) => errors.push(err));
    log.record(entry('coworking'));
    await log.flush();
    expect(errors).toHaveLength(1);
  });
});

describe('demand from refused bookings', () => {
  it('counts a booking refused for conflict with space, kind, town and window, but no person', async () => {
    await t.db.dataSource.query(`DELETE FROM demand_events`);
    const first = await createUser(t.db.dataSource);
    const second = await createUser(t.db.dataSource);
    const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const body = { spaceId: desk.id, start: start.toISO(), end: start.plus({ hours: 2 }).toISO() };
    await request(t.app).post('/api/bookings').set('Cookie', await sessionCookie(t.db.dataSource, first.id, TEST_SESSION_SECRET)).send(body).expect(201);
    const refused = await request(t.app).post('/api/bookings').set('Cookie', await sessionCookie(t.db.dataSource, second.id, TEST_SESSION_SECRET)).send(body).expect(409);
    expect(refused.body.error.code).toBe('booking_conflict');

    const rows = await events();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'booking_conflict', space_id: desk.id, space_kind: 'coworking', municipality: 'Coesfeld', result_count: null });
    expect(new Date(rows[0].window_start).toISOString()).toBe(start.toUTC().toISO());
    expect(JSON.stringify(rows)).not.toContain(second.id);
  });
});
