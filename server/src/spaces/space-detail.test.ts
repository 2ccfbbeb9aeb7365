import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';

let t: TestApp;
let provider: string;
let desks: SpaceFixture;
let hall: SpaceFixture;
let draft: SpaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  provider = await createOrganization(db, 'provider', 'Anbieter Detail');
  desks = await createSpace(db, provider, { name: 'Coworking Detail', desks: 2, opening: [{ weekday: 7, opens: '08:00', closes: '18:00' }, { weekday: 2, opens: '08:00', closes: '12:00' }, { weekday: 2, opens: '13:00', closes: '24:00' }] });
  hall = await createSpace(db, provider, { name: 'Halle Detail', kind: 'sports_hall', room: { capacity: 60, parts: 2 } });
  draft = await createSpace(db, provider, { name: 'Entwurf', desks: 1, published: false });
  await db.query(`INSERT INTO closures (space_id, starts_on, ends_on, reason) VALUES ($1, '2099-01-01', '2099-01-02', 'Neujahr')`, [desks.id]);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/spaces/:idOrSlug', () => {
  it('shows a published space by id or slug with resources, hours, closures, holidays and rules', async () => {
    const byId = await request(t.app).get(`/api/spaces/${desks.id}`).expect(200);
    const bySlug = await request(t.app).get(`/api/spaces/${desks.slug}`).expect(200);
    expect(bySlug.body).toEqual(byId.body);
    expect(byId.body).toMatchObject({
      id: desks.id,
      name: 'Coworking Detail',
      zone: 'Europe/Berlin',
      deskCount: 2,
      rules: { slotMinutes: 30, minDurationMinutes: 30 },
      openingHours: [
        { weekday: 2, opens: '08:00', closes: '12:00' },
        { weekday: 2, opens: '13:00', closes: '24:00' },
        { weekday: 7, opens: '08:00', closes: '18:00' },
      ],
      closures: [{ startsOn: '2099-01-01', endsOn: '2099-01-02', reason: 'Neujahr', resourceId: null }],
    });
    expect(byId.body.resources).toHaveLength(2);
    expect(byId.body.holidays.length).toBeGreaterThanOrEqual(9);
    expect(byId.body.holidays[0]).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), name: expect.any(String) });
    expect(JSON.stringify(byId.body)).not.toMatch(/access_instructions|accessInstructions/);
  });

  it('shows a divisible hall as its whole with the parts', async () => {
    const res = await request(t.app).get(`/api/spaces/${hall.id}`).expect(200);
    const [whole, ...parts] = res.body.resources as { id: string; kind: string; parentId: string | null }[];
    expect(whole).toMatchObject({ kind: 'room', parentId: null });
    expect(parts.map((p) => [p.kind, p.parentId])).toEqual([['part', whole!.id], ['part', whole!.id]]);
  });

  it('hides unpublished spaces from everyone but their managers, with the 404 of an unknown id', async () => {
    const unknown = await request(t.app).get('/api/spaces/00000000-0000-4000-8000-000000000000').expect(404);
    const anonymous = await request(t.app).get(`/api/spaces/${draft.id}`).expect(404);
    expect(anonymous.body).toEqual(unknown.body);
    const outsider = await createUser(t.db.dataSource);
    await request.agent(t.app).get(`/api/spaces/${draft.id}`).expect(404);
    await (await signIn(t.app, outsider.email)).get(`/api/spaces/${draft.id}`).expect(404);
    const staff = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, staff.id, provider, 'member');
    const res = await (await signIn(t.app, staff.email)).get(`/api/spaces/${draft.slug}`).expect(200);
    expect(res.body.published).toBe(false);
  });
});

describe('GET /api/spaces/:id/availability', () => {
  const window = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  it('gives free and busy time per resource, free desks per slot and whole days, without personal data', async () => {
    const booker = await createUser(t.db.dataSource, { name: 'Geheime Person', email: 'geheim@example.org' });
    await createBookingClaims(t.db.dataSource, { spaceId: desks.id, resourceId: desks.resourceIds[0]!, unitIds: [desks.resourceIds[0]!], start: '2026-12-06T09:00:00+01:00', end: '2026-12-06T11:00:00+01:00', bookerId: booker.id });
    const res = await request(t.app).get(`/api/spaces/${desks.id}/availability?${window('2026-12-06T00:00:00+01:00', '2026-12-07T00:00:00+01:00')}`).expect(200);
    expect(res.body).toMatchObject({ spaceId: desks.id, zone: 'Europe/Berlin', slotMinutes: 30, from: '2026-12-06T00:00:00+01:00' });
    const [first, second] = res.body.resources as { resourceId: string; free: { start: string; end: string }[]; busy: unknown[] }[];
    expect(first!.busy).toEqual([{ start: '2026-12-06T09:00:00+01:00', end: '2026-12-06T11:00:00+01:00' }]);
    expect(first!.free).toEqual([
      { start: '2026-12-06T08:00:00+01:00', end: '2026-12-06T09:00:00+01:00' },
      { start: '2026-12-06T11:00:00+01:00', end: '2026-12-06T18:00:00+01:00' },
    ]);
    expect(second!.free).toEqual([{ start: '2026-12-06T08:00:00+01:00', end: '2026-12-06T18:00:00+01:00' }]);
    const slots = res.body.slots as { start: string; freeDesks: number }[];
    expect(slots).toHaveLength(20);
    expect(slots.find((s) => s.start.startsWith('2026-12-06T09:00'))!.freeDesks).toBe(1);
    expect(slots.find((s) => s.start.startsWith('2026-12-06T12:00'))!.freeDesks).toBe(2);
    expect(res.body.days).toEqual([{ date: '2026-12-06', open: true, wholeDayFree: 1 }]);
    expect(JSON.stringify(res.body)).not.toMatch(/Geheime|geheim@|booker|bookingId/);
  });

  it('keeps 08:00–18:00 local on the DST days', async () => {
    const spring = await request(t.app).get(`/api/spaces/${desks.id}/availability?${window('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')}`).expect(200);
    expect(spring.body.resources[1].free).toEqual([{ start: '2026-03-29T08:00:00+02:00', end: '2026-03-29T18:00:00+02:00' }]);
    const autumn = await request(t.app).get(`/api/spaces/${desks.id}/availability?${window('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')}`).expect(200);
    expect(autumn.body.resources[1].free).toEqual([{ start: '2026-10-25T08:00:00+01:00', end: '2026-10-25T18:00:00+01:00' }]);
  });

  it('is closed on NRW public holidays and on closures', async () => {
    // 2026-12-25 is a Friday; make the space open on Fridays to see the holiday win.
    await t.db.dataSource.query(`INSERT INTO opening_hours (space_id, weekday, opens, closes) VALUES ($1, 5, '08:00', '18:00')`, [desks.id]);
    const holiday = await request(t.app).get(`/api/spaces/${desks.id}/availability?${window('2026-12-25T00:00:00+01:00', '2026-12-26T00:00:00+01:00')}`).expect(200);
    expect(holiday.body.days).toEqual([{ date: '2026-12-25', open: false, wholeDayFree: 0 }]);
    const friday = await request(t.app).get(`/api/spaces/${desks.id}/availability?${window('2026-12-04T00:00:00+01:00', '2026-12-05T00:00:00+01:00')}`).expect(200);
    expect(friday.body.days).toEqual([{ date: '2026-12-04', open: true, wholeDayFree: 2 }]);
  });

  it('shows a booked whole hall as busy on every part', async () => {
    const [whole, part1, part2] = hall.resourceIds as [string, string, string];
    await createBookingClaims(t.db.dataSource, { spaceId: hall.id, resourceId: whole, unitIds: [part1, part2], start: '2026-12-08T17:00:00+01:00', end: '2026-12-08T19:00:00+01:00' });
    const res = await request(t.app).get(`/api/spaces/${hall.id}/availability?${window('2026-12-08T16:00:00+01:00', '2026-12-08T20:00:00+01:00')}`).expect(200);
    for (const resource of res.body.resources as { busy: unknown[] }[]) expect(resource.busy).toEqual([{ start: '2026-12-08T17:00:00+01:00', end: '2026-12-08T19:00:00+01:00' }]);
  });

  it('refuses windows that are too long, reversed or without offset, and hidden spaces', async () => {
    for (const query of [window('2026-12-01T00:00:00Z', '2027-02-02T00:00:00Z'), window('2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z'), 'from=2026-12-01T00:00:00&to=2026-12-02T00:00:00', 'from=2026-12-01T00:00:00Z', '']) {
      const res = await request(t.app).get(`/api/spaces/${desks.id}/availability?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    await request(t.app).get(`/api/spaces/${draft.id}/availability?${window('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')}`).expect(404);
  });
});
