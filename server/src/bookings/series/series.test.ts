import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../../db/testing/fixtures';
import { createTestApp, type TestApp } from '../../db/testing/test-app';

let t: TestApp;
let hall: SpaceFixture;
let club: string;
let trainer: Awaited<ReturnType<typeof signIn>>;

/** Tuesdays at 18:00 local from 2027-03-16: the series crosses the DST change of 2027-03-28. */
const training = { start: '2027-03-16T18:00:00+01:00', end: '2027-03-16T20:00:00+01:00' };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Serie');
  club = await createOrganization(db, 'club', 'TuS Serie');
  hall = await createSpace(db, town, { kind: 'sports_hall', room: { capacity: 60 }, opening: [2, 4].map((weekday) => ({ weekday, opens: '16:00', closes: '22:00' })) });
  await db.query(`UPDATE spaces SET horizon_days = 730, club_price_per_hour_cents = 500 WHERE id = $1`, [hall.id]);
  const user = await createUser(db);
  await addMember(db, user.id, club, 'admin');
  trainer = await signIn(t.app, user.email);
});
afterAll(async () => {
  await t?.close();
});

describe('recurring series', () => {
  it('previews each date, keeping 18:00 local across the DST change', async () => {
    await createBookingClaims(t.db.dataSource, { spaceId: hall.id, resourceId: hall.resourceIds[0]!, unitIds: [hall.resourceIds[0]!], start: '2027-03-23T17:00:00+01:00', end: '2027-03-23T19:00:00+01:00' });
    await t.db.dataSource.query(`INSERT INTO closures (space_id, starts_on, ends_on, reason) VALUES ($1, '2027-04-06', '2027-04-06', 'Osterferien')`, [hall.id]);
    const res = await trainer.post('/api/series/preview').send({ spaceId: hall.id, ...training, rrule: 'FREQ=WEEKLY;COUNT=4' }).expect(200);
    expect(res.body.occurrences).toEqual([
      { start: '2027-03-16T18:00:00+01:00', end: '2027-03-16T20:00:00+01:00', status: 'free' },
      { start: '2027-03-23T18:00:00+01:00', end: '2027-03-23T20:00:00+01:00', status: 'conflict' },
      { start: '2027-03-30T18:00:00+02:00', end: '2027-03-30T20:00:00+02:00', status: 'free' },
      { start: '2027-04-06T18:00:00+02:00', end: '2027-04-06T20:00:00+02:00', status: 'closed', code: 'space_closed' },
    ]);
  });

  it('with onConflict "fail" books nothing when one date is taken', async () => {
    const res = await trainer.post('/api/series').send({ spaceId: hall.id, ...training, rrule: 'FREQ=WEEKLY;COUNT=3', onConflict: 'fail' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('booking_conflict');
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE series_id IS NOT NULL`);
    expect(n).toBe(0);
  });

  it('with onConflict "skip" books the free dates at the club rate and reports the rest', async () => {
    const res = await trainer.post('/api/series').send({ spaceId: hall.id, ...training, rrule: 'FREQ=WEEKLY;COUNT=5', exdates: ['2027-04-13'], organizationId: club, onConflict: 'skip' }).expect(201);
    expect(res.body.created.map((b: { start: string }) => b.start)).toEqual(['2027-03-16T18:00:00+01:00', '2027-03-30T18:00:00+02:00']);
    expect(res.body.created.every((b: { status: string; priceCents: number }) => b.status === 'confirmed' && b.priceCents === 1000)).toBe(true);
    expect(res.body.skipped.map((o: { start: string; status: string }) => [o.start, o.status])).toEqual([
      ['2027-03-23T18:00:00+01:00', 'conflict'],
      ['2027-04-06T18:00:00+02:00', 'closed'],
    ]);
    expect(res.body.series).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=5', exdates: ['2027-04-13'] });
  });

  it('cancels the rest of a series from a date on, freeing the slots', async () => {
    const created = await trainer.post('/api/series').send({ spaceId: hall.id, start: '2027-05-04T16:00:00+02:00', end: '2027-05-04T17:00:00+02:00', rrule: 'FREQ=WEEKLY;COUNT=4', onConflict: 'fail' }).expect(201);
    expect(created.body.created).toHaveLength(4);
    const res = await trainer.post(`/api/series/${created.body.series.id}/cancel`).send({ from: '2027-05-18T00:00:00+02:00' }).expect(200);
    expect(res.body.cancelled.map((b: { start: string; status: string }) => [b.start, b.status])).toEqual([
      ['2027-05-18T16:00:00+02:00', 'cancelled'],
      ['2027-05-25T16:00:00+02:00', 'cancelled'],
    ]);
    await trainer.post('/api/bookings').send({ spaceId: hall.id, start: '2027-05-25T16:00:00+02:00', end: '2027-05-25T17:00:00+02:00' }).expect(201);
    const stranger = await signIn(t.app, (await createUser(t.db.dataSource)).email);
    await stranger.post(`/api/series/${created.body.series.id}/cancel`).send({}).expect(404);
  });

  it('refuses rules it does not support, and more than 52 dates', async () => {
    for (const rrule of ['FREQ=DAILY;COUNT=3', 'FREQ=WEEKLY', 'FREQ=WEEKLY;COUNT=53', 'FREQ=WEEKLY;BYSETPOS=1;COUNT=2', 'FREQ=WEEKLY;COUNT=abc', 'nonsense']) {
      const res = await trainer.post('/api/series/preview').send({ spaceId: hall.id, ...training, rrule });
      expect(res.status, rrule).toBe(400);
      expect(res.body.error.code, rrule).toBe('invalid_input');
    }
  });
});
