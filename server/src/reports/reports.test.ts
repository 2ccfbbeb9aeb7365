import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, type SpaceFixture } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

/*
 * Report numbers on a small fixture, computed by hand in the comments. November 2026 starts on
 * a Sunday (1 November, All Saints, a holiday in NRW) and has 21 weekdays.
 */

let t: TestApp;
let platform: string;
let duelmenAdmin: string;
let plainUser: string;
let coworking: SpaceFixture;
let room: SpaceFixture;

async function answer(submittedOn: string, answers: Record<string, unknown>, n: number) {
  await t.db.dataSource.query(`INSERT INTO survey_responses (survey_key, browser_key_hash, answers, submitted_on) VALUES ('pendeln', $1, $2, $3)`, [String(n).padStart(64, '0'), JSON.stringify(answers), submittedOn]);
}

async function cookieFor(kind: 'platform' | 'municipality' | null): Promise<string> {
  const db = t.db.dataSource;
  const user = await createUser(db);
  if (kind) {
    const org = await createOrganization(db, kind);
    if (kind === 'municipality') await db.query(`UPDATE organizations SET municipality = 'Dülmen' WHERE id = $1`, [org]);
    await addMember(db, user.id, org, 'admin');
  }
  return sessionCookie(db, user.id, TEST_SESSION_SECRET);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const provider = await createOrganization(db, 'provider');
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' }));
  // Coworking in Coesfeld: 2 desks, Mon–Fri 10 h, open on holidays; closed Friday 20 November.
  coworking = await createSpace(db, provider, { name: 'Desks Coesfeld', desks: 2, municipality: 'Coesfeld', lat: 51.9459, lon: 7.1675, opening: weekdays, holidaysClosed: false });
  await db.query(`INSERT INTO closures (space_id, starts_on, ends_on) VALUES ($1, '2026-11-20', '2026-11-20')`, [coworking.id]);
  // A meeting room in Dülmen: every day 08–18, closed on holidays.
  room = await createSpace(db, provider, { name: 'Raum Dülmen', room: { capacity: 20 }, municipality: 'Dülmen', lat: 51.8306, lon: 7.2808 });
  // Unpublished coworking right in Buldern: neither in occupancy nor counted as serving Buldern.
  await createSpace(db, provider, { name: 'Entwurf Buldern', desks: 3, municipality: 'Dülmen', lat: 51.8667, lon: 7.3667, published: false });

  const [d1, d2] = coworking.resourceIds as [string, string];
  const book = (resourceId: string, spaceId: string, start: string, end: string, status: 'confirmed' | 'pending' = 'confirmed') => createBookingClaims(db, { spaceId, resourceId, unitIds: [resourceId], start, end, status });
  await book(d1, coworking.id, '2026-11-03T09:00:00+01:00', '2026-11-03T13:00:00+01:00'); // 4 h
  await book(d2, coworking.id, '2026-11-04T08:00:00+01:00', '2026-11-04T18:00:00+01:00'); // 10 h
  await book(d1, coworking.id, '2026-11-30T16:00:00+01:00', '2026-12-01T10:00:00+01:00'); // 8 h inside November
  await book(d2, coworking.id, '2026-11-05T08:00:00+01:00', '2026-11-05T10:00:00+01:00', 'pending'); // not booked yet
  // Released as a no-show: not booked hours, but one of four kept-or-missed bookings.
  const missed = await book(d1, coworking.id, '2026-11-06T09:00:00+01:00', '2026-11-06T11:00:00+01:00');
  await db.query(`UPDATE bookings SET status = 'no_show' WHERE id = $1`, [missed]);
  await db.query(`UPDATE booking_claims SET active = false WHERE booking_id = $1`, [missed]);
  const roomId = room.resourceIds[0]!;
  await book(roomId, room.id, '2026-11-10T08:00:00+01:00', '2026-11-12T18:00:00+01:00'); // 58 h

  // Survey: five answers in November, three in October.
  await answer('2026-11-02', { home_postcode: '48653', commute_mode: 'car', commute_km: 20, commute_days: 5, coworking_days: 2 }, 1);
  await answer('2026-11-03', { home_postcode: '48653', commute_mode: 'train_bus', commute_km: 35, commute_days: 3, coworking_days: 1, club_room_kind: ['sports'] }, 2);
  await answer('2026-11-04', { home_postcode: '48653', commute_mode: 'car', commute_km: 10, commute_days: 5, coworking_days: 0 }, 3);
  await answer('2026-11-05', { home_postcode: '48249', home_place: 'duelmen-buldern', commute_mode: 'car', commute_km: 30, commute_days: 4, coworking_days: 3 }, 4);
  await answer('2026-11-30', { home_postcode: '48249', commute_mode: 'none', coworking_days: 2 }, 5);
  await answer('2026-10-31', { home_postcode: '48653', commute_mode: 'car', commute_km: 50, commute_days: 5, coworking_days: 1 }, 6);
  await answer('2026-10-15', { home_postcode: '48720', home_place: 'rosendahl-holtwick', commute_mode: 'car', commute_km: 25, commute_days: 5 }, 7);
  await answer('2026-10-15', { home_postcode: '48653', home_place: 'coesfeld-lette', commute_mode: 'car', commute_km: 25, commute_days: 5 }, 8);

  // Demand events: three Coesfeld searches in November (two empty), one just after it; refusals.
  const event = (source: string, municipality: string, at: string, resultCount: number | null) =>
    db.query(`INSERT INTO demand_events (source, municipality, occurred_at, result_count) VALUES ($1, $2, $3, $4)`, [source, municipality, at, resultCount]);
  await event('search', 'Coesfeld', '2026-11-05T10:00:00+01:00', 2);
  await event('search', 'Coesfeld', '2026-11-05T11:00:00+01:00', 0);
  await event('search', 'Coesfeld', '2026-11-01T00:00:00+01:00', 0);
  await event('search', 'Coesfeld', '2026-12-01T00:00:00+01:00', 0);
  await event('booking_conflict', 'Coesfeld', '2026-11-06T09:00:00+01:00', null);
  await event('quota_exceeded', 'Dülmen', '2026-11-07T09:00:00+01:00', null);

  platform = await cookieFor('platform');
  duelmenAdmin = await cookieFor('municipality');
  plainUser = await cookieFor(null);
});
afterAll(async () => {
  await t?.close();
});

describe('demand per town and month', () => {
  it('adds up survey interest, commuters and km a day, searches and refusals', async () => {
    const res = await request(t.app).get('/api/reports/demand?month=2026-11').set('Cookie', platform).expect(200);
    expect(res.body.rows).toHaveLength(11);
    const byTown = Object.fromEntries((res.body.rows as { municipality: string }[]).map((r) => [r.municipality, r]));
    // Coesfeld: answers 1–3; 1 and 2 want a desk and commute: (20 + 35) × 2 = 110 km a day.
    expect(byTown.Coesfeld).toEqual({ municipality: 'Coesfeld', responses: 3, coworkingInterested: 2, commuters: 2, commuteKmPerDay: 110, clubRoomInterested: 1, searches: 3, searchesWithoutResult: 2, refusedBookings: 1 });
    // Dülmen: answers 4 and 5 want a desk; only 4 commutes: 30 × 2 = 60.
    expect(byTown['Dülmen']).toEqual({ municipality: 'Dülmen', responses: 2, coworkingInterested: 2, commuters: 1, commuteKmPerDay: 60, clubRoomInterested: 0, searches: 0, searchesWithoutResult: 0, refusedBookings: 1 });
    expect(byTown.Olfen).toMatchObject({ responses: 0, searches: 0 });
  });

  it('gives a municipality admin their own town only, and nobody else anything', async () => {
    const own = await request(t.app).get('/api/reports/demand?month=2026-11').set('Cookie', duelmenAdmin).expect(200);
    expect(own.body.rows.map((r: { municipality: string }) => r.municipality)).toEqual(['Dülmen']);
    expect((await request(t.app).get('/api/reports/demand?month=2026-11&municipality=Coesfeld').set('Cookie', duelmenAdmin).expect(403)).body.error.code).toBe('forbidden');
    await request(t.app).get('/api/reports/demand?month=2026-11').set('Cookie', plainUser).expect(403);
    await request(t.app).get('/api/reports/occupancy?month=2026-11').set('Cookie', plainUser).expect(403);
    await request(t.app).get('/api/reports/demand?month=2026-11').expect(401);
  });

  it('exports the same table as CSV, by ?format=csv or by Accept', async () => {
    const byFormat = await request(t.app).get('/api/reports/demand?month=2026-11&format=csv').set('Cookie', platform).expect(200);
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
    const lines = byFormat.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('municipality,responses,coworkingInterested,commuters,commuteKmPerDay,clubRoomInterested,searches,searchesWithoutResult,refusedBookings');
    expect(lines).toContain('Coesfeld,3,2,2,110,1,3,2,1');
    expect(lines).toHaveLength(12);
    const byAccept = await request(t.app).get('/api/reports/demand?month=2026-11').set('Accept', 'text/csv').set('Cookie', platform).expect(200);
    expect(byAccept.text).toBe(byFormat.text);
  });
});

describe('occupancy per space and month', () => {
  it('divides booked by open unit-hours and flags spaces under the threshold', async () => {
    const res = await request(t.app).get('/api/reports/occupancy?month=2026-11&threshold=0.2').set('Cookie', platform).expect(200);
    expect(res.body.threshold).toBe(0.2);
    // Coworking: (21 weekdays − 1 closed) × 10 h × 2 desks = 400; booked 4 + 10 + 8 = 22 (pending not counted).
    // Room: (30 days − All Saints) × 10 h = 290; booked 58 = exactly 0.2, so not below the threshold.
    expect(res.body.rows).toEqual([
      { spaceId: coworking.id, name: 'Desks Coesfeld', kind: 'coworking', municipality: 'Coesfeld', openHours: 400, bookedHours: 22, occupancy: 0.055, underUsed: true, noShows: 1, noShowRate: 0.25 },
      { spaceId: room.id, name: 'Raum Dülmen', kind: 'meeting_room', municipality: 'Dülmen', openHours: 290, bookedHours: 58, occupancy: 0.2, underUsed: false, noShows: 0, noShowRate: 0 },
    ]);
    const stricter = await request(t.app).get('/api/reports/occupancy?month=2026-11&threshold=0.25&municipality=D%C3%BClmen').set('Cookie', duelmenAdmin).expect(200);
    expect(stricter.body.rows.map((r: { name: string; underUsed: boolean }) => [r.name, r.underUsed])).toEqual([['Raum Dülmen', true]]);
    const csv = await request(t.app).get('/api/reports/occupancy?month=2026-11&format=csv').set('Cookie', platform).expect(200);
    expect(csv.text.split('\r\n')[1]).toBe(`${coworking.id},Desks Coesfeld,coworking,Coesfeld,400,22,0.055,true,1,0.25`);
  });

  it('refuses a month or threshold that makes no sense with a 400', async () => {
    expect((await request(t.app).get('/api/reports/occupancy?month=2026-13').set('Cookie', platform).expect(400)).body.error.code).toBe('invalid_input');
    await request(t.app).get('/api/reports/occupancy?month=2026-11&threshold=2').set('Cookie', platform).expect(400);
  });
});

describe('where a new coworking space would serve the most commuter km', () => {
  it('ranks places by unserved car km a week, ties broken by total then key', async () => {
    const res = await request(t.app).get('/api/reports/coworking-ranking?radiusKm=3').set('Cookie', platform).expect(200);
    const rows = res.body.rows as { rank: number; place: string; carCommuters: number; carKmPerWeek: number; servedKmPerWeek: number; unservedKmPerWeek: number; nearestCoworkingKm: number }[];
    // Lette and Holtwick: 25 × 5 = 125 each, a tie settled by key; Buldern 30 × 4 = 120 (the
    // unpublished space there does not count); Coesfeld 20×5 + 10×5 + 50×5 = 400, all within 3 km.
    expect(rows.map((r) => [r.rank, r.place, r.carCommuters, r.carKmPerWeek, r.servedKmPerWeek, r.unservedKmPerWeek])).toEqual([
      [1, 'coesfeld-lette', 1, 125, 0, 125],
      [2, 'rosendahl-holtwick', 1, 125, 0, 125],
      [3, 'duelmen-buldern', 1, 120, 0, 120],
      [4, 'coesfeld', 3, 400, 400, 0],
    ]);
    expect(rows[3]!.nearestCoworkingKm).toBe(0);
    expect(rows[2]!.nearestCoworkingKm).toBeGreaterThan(3);
    const again = await request(t.app).get('/api/reports/coworking-ranking?radiusKm=3').set('Cookie', platform).expect(200);
    expect(again.body).toEqual(res.body);
    // With a 6 km radius Lette (about 5.5 km from the desks) counts as served; among the served
    // the larger total (Coesfeld's 400) comes first.
    const wider = await request(t.app).get('/api/reports/coworking-ranking?radiusKm=6').set('Cookie', platform).expect(200);
    expect(wider.body.rows.map((r: { place: string }) => r.place)).toEqual(['rosendahl-holtwick', 'duelmen-buldern', 'coesfeld', 'coesfeld-lette']);
  });

  it('shows a municipality its own places, ranked among the whole district', async () => {
    const res = await request(t.app).get('/api/reports/coworking-ranking').set('Cookie', duelmenAdmin).expect(200);
    expect(res.body.rows.map((r: { rank: number; place: string }) => [r.rank, r.place])).toEqual([[3, 'duelmen-buldern']]);
  });
});
