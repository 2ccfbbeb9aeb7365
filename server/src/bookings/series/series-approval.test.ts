import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../../db/testing/fixtures';
import { createTestApp, type TestApp } from '../../db/testing/test-app';

let t: TestApp;
let hall: SpaceFixture;
let club: string;
let trainer: Awaited<ReturnType<typeof signIn>>;
let town: Awaited<ReturnType<typeof signIn>>;
let otherTown: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const municipality = await createOrganization(db, 'municipality', 'Gemeinde Freigabe');
  const neighbour = await createOrganization(db, 'municipality', 'Nachbargemeinde');
  club = await createOrganization(db, 'club', 'Chor Freigabe');
  hall = await createSpace(db, municipality, { kind: 'event_room', approval: 'required', room: { capacity: 60 }, opening: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '16:00', closes: '22:00' })) });
  await db.query(`UPDATE spaces SET horizon_days = 730 WHERE id = $1`, [hall.id]);
  const [booker, admin, stranger] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
  await addMember(db, booker.id, club, 'admin');
  await addMember(db, admin.id, municipality, 'admin');
  await addMember(db, stranger.id, neighbour, 'admin');
  trainer = await signIn(t.app, booker.email);
  town = await signIn(t.app, admin.email);
  otherTown = await signIn(t.app, stranger.email);
});
afterAll(async () => {
  await t?.close();
});

async function requestSeries(first: string, count: number): Promise<{ id: string; bookings: { id: string; status: string; seriesId: string }[] }> {
  const res = await trainer
    .post('/api/series')
    .send({ spaceId: hall.id, start: `${first}T18:00:00+01:00`, end: `${first}T20:00:00+01:00`, rrule: `FREQ=WEEKLY;COUNT=${count}`, organizationId: club, onConflict: 'fail' })
    .expect(201);
  return { id: res.body.series.id, bookings: res.body.created };
}

describe('approving a series request as one decision', () => {
  it('confirms every waiting date at once and mails the club once', async () => {
    const series = await requestSeries('2027-01-12', 4);
    expect(series.bookings.map((b) => [b.status, b.seriesId])).toEqual(Array.from({ length: 4 }, () => ['pending', series.id]));
    const jobsBefore = await t.db.dataSource.query(`SELECT key FROM outbox_jobs WHERE payload->>'seriesId' = $1`, [series.id]);

    const res = await town.post(`/api/series/${series.id}/approve`).expect(200);
    expect(res.body.approved.map((b: { status: string }) => b.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    const statuses = await t.db.dataSource.query(`SELECT status FROM bookings WHERE series_id = $1`, [series.id]);
    expect(statuses.every((r: { status: string }) => r.status === 'confirmed')).toBe(true);
    const jobsAfter = await t.db.dataSource.query(`SELECT key FROM outbox_jobs WHERE payload->>'seriesId' = $1`, [series.id]);
    expect(jobsAfter.length - jobsBefore.length).toBe(1);
    const [audit] = await t.db.dataSource.query(`SELECT data FROM audit_events WHERE action = 'series.approved' AND subject_id = $1`, [series.id]);
    expect(audit.data).toEqual({ bookings: 4 });

    // Nothing is left to approve: a second click changes nothing and sends nothing.
    expect((await town.post(`/api/series/${series.id}/approve`).expect(200)).body.approved).toEqual([]);
    expect(await t.db.dataSource.query(`SELECT key FROM outbox_jobs WHERE payload->>'seriesId' = $1`, [series.id])).toHaveLength(jobsAfter.length);
  });

  it('leaves dates alone that were decided already or have expired', async () => {
    const series = await requestSeries('2027-02-09', 3);
    const [first, second, third] = series.bookings;
    await town.post(`/api/bookings/${first!.id}/reject`).send({ reason: 'Schulfest' }).expect(200);
    await t.db.dataSource.query(`UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = $1`, [third!.id]);
    const res = await town.post(`/api/series/${series.id}/approve`).expect(200);
    expect(res.body.approved.map((b: { id: string }) => b.id)).toEqual([second!.id]);
    const rows = await t.db.dataSource.query(`SELECT id, status FROM bookings WHERE series_id = $1`, [series.id]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({ [first!.id]: 'rejected', [second!.id]: 'confirmed', [third!.id]: 'pending' });
  });

  it('is not the booker’s nor another town’s decision, and an unknown series is not found', async () => {
    const series = await requestSeries('2027-03-09', 2);
    expect((await trainer.post(`/api/series/${series.id}/approve`).expect(404)).body.error.code).toBe('not_found');
    await otherTown.post(`/api/series/${series.id}/approve`).expect(404);
    await town.post('/api/series/00000000-0000-4000-8000-000000000000/approve').expect(404);
    const statuses = await t.db.dataSource.query(`SELECT DISTINCT status FROM bookings WHERE series_id = $1`, [series.id]);
    expect(statuses).toEqual([{ status: 'pending' }]);
  });
});

describe('the browser settings', () => {
  it('names the map tiles and their credit, for anyone', async () => {
    const res = await request(t.app).get('/api/config').expect(200);
    expect(res.body).toEqual({ map: { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' } });
  });
});
