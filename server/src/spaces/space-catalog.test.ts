import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_SPAN_LIMIT } from '../bookings/claim-span';
import { createBookingClaims, createOrganization, createSpace, createUser } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { appFor, createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

/*
 * Each app server keeps the fixed parts of spaces by calendar version (space-catalog.ts). Two
 * apps on one database stand for two servers: what one changes, the other must show at once.
 */
let t: TestApp;
let other: ReturnType<typeof appFor>;
let provider: string;

const DAY = '2027-03-10';
const week = { from: '2027-03-08T00:00:00+01:00', to: '2027-03-15T00:00:00+01:00' };
const versionOf = async (spaceId: string) => ((await t.db.dataSource.query(`SELECT calendar_version::text AS v FROM spaces WHERE id = $1`, [spaceId])) as [{ v: string }])[0].v;
const availability = (app: TestApp['app'], spaceId: string) =>
  request(app).get(`/api/spaces/${spaceId}/availability`).query(week).expect(200).then((res) => res.body as { resources: { resourceId: string; free: { start: string }[] }[]; days: { date: string; open: boolean }[] });
const search = (app: TestApp['app'], query: string) =>
  request(app).get(`/api/spaces?date=${DAY}&${query}`).expect(200).then((res) => res.body.items as { id: string; name: string; freeUnits: number; provider: { name: string } }[]);

beforeAll(async () => {
  t = await createTestApp();
  other = appFor(t.db.dataSource);
  provider = await createOrganization(t.db.dataSource, 'provider', 'Katalog Anbieter');
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe('calendar versions', () => {
  it('change with the space, its resources, opening hours and closures, and its provider', async () => {
    const db = t.db.dataSource;
    const space = await createSpace(db, provider, { desks: 2 });
    const changes = [
      `UPDATE spaces SET name = 'Umbenannt' WHERE id = $1`,
      `INSERT INTO resources (space_id, kind, name, capacity) VALUES ($1, 'desk', 'Platz 3', 1)`,
      `UPDATE resources SET active = false WHERE space_id = $1 AND name = 'Platz 3'`,
      `INSERT INTO opening_hours (space_id, weekday, opens, closes) VALUES ($1, 1, '19:00', '21:00')`,
      `DELETE FROM opening_hours WHERE space_id = $1 AND opens = '19:00'`,
      `INSERT INTO closures (space_id, starts_on, ends_on) VALUES ($1, '2027-01-01', '2027-01-02')`,
      `DELETE FROM closures WHERE space_id = $1`,
      `UPDATE organizations SET name = 'Neuer Name' WHERE id = (SELECT organization_id FROM spaces WHERE id = $1)`,
      `UPDATE organizations SET status = 'suspended' WHERE id = (SELECT organization_id FROM spaces WHERE id = $1)`,
    ];
    const seen = new Set([await versionOf(space.id)]);
    for (const change of changes) {
      await db.query(change, [space.id]);
      const version = await versionOf(space.id);
      expect(seen.has(version), change).toBe(false);
      seen.add(version);
    }
    await db.query(`UPDATE organizations SET status = 'active', name = 'Katalog Anbieter' WHERE id = $1`, [provider]);
  });

  it('stay as they are when bookings come and go, so a booking costs no catalog reload', async () => {
    const db = t.db.dataSource;
    const space = await createSpace(db, provider, { desks: 1 });
    const before = await versionOf(space.id);
    const booking = await createBookingClaims(db, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], start: `${DAY}T09:00:00+01:00`, end: `${DAY}T10:00:00+01:00` });
    await db.query(`UPDATE booking_claims SET active = false WHERE booking_id = $1`, [booking]);
    await db.query(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [booking]);
    expect(await versionOf(space.id)).toBe(before);
  });
});

describe('two servers on one database', () => {
  it('both show new opening hours, closures and resources at once', async () => {
    const db = t.db.dataSource;
    const space = await createSpace(db, provider, { desks: 1 });
    for (const app of [t.app, other.app]) expect((await availability(app, space.id)).days.every((d) => d.open)).toBe(true);

    await db.query(`INSERT INTO closures (space_id, starts_on, ends_on) VALUES ($1, $2, $2)`, [space.id, DAY]);
    for (const app of [t.app, other.app]) expect((await availability(app, space.id)).days.find((d) => d.date === DAY)!.open).toBe(false);

    await db.query(`UPDATE opening_hours SET opens = '10:00' WHERE space_id = $1`, [space.id]);
    await db.query(`INSERT INTO resources (space_id, kind, name, capacity) VALUES ($1, 'desk', 'Neu', 1)`, [space.id]);
    for (const app of [t.app, other.app]) {
      const answer = await availability(app, space.id);
      expect(answer.resources).toHaveLength(2);
      expect(answer.resources[0]!.free[0]!.start).toBe('2027-03-08T10:00:00+01:00');
    }
  });

  it('both drop a suspended provider from search and public reads, and show a renamed one', async () => {
    const db = t.db.dataSource;
    const org = await createOrganization(db, 'provider', 'Verein vorher');
    const space = await createSpace(db, org, { desks: 1, name: 'Vereinsraum Katalog' });
    for (const app of [t.app, other.app]) expect((await search(app, 'q=Vereinsraum%20Katalog'))[0]?.provider.name).toBe('Verein vorher');

    await db.query(`UPDATE organizations SET name = 'Verein nachher' WHERE id = $1`, [org]);
    for (const app of [t.app, other.app]) expect((await search(app, 'q=Vereinsraum%20Katalog'))[0]?.provider.name).toBe('Verein nachher');

    await db.query(`UPDATE organizations SET status = 'suspended' WHERE id = $1`, [org]);
    for (const app of [t.app, other.app]) {
      expect(await search(app, 'q=Vereinsraum%20Katalog')).toEqual([]);
      await request(app).get(`/api/spaces/${space.id}/availability`).query(week).expect(404);
    }
  });

  it('both count a booking made meanwhile in the free units of a search', async () => {
    const db = t.db.dataSource;
    const space = await createSpace(db, provider, { desks: 2, name: 'Zwei Plätze Katalog' });
    for (const app of [t.app, other.app]) expect((await search(app, 'q=Zwei%20Pl%C3%A4tze%20Katalog'))[0]?.freeUnits).toBe(2);
    await createBookingClaims(db, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], start: `${DAY}T09:00:00+01:00`, end: `${DAY}T10:00:00+01:00` });
    for (const app of [t.app, other.app]) expect((await search(app, 'q=Zwei%20Pl%C3%A4tze%20Katalog'))[0]?.freeUnits).toBe(1);
  });
});

describe('bookings against a calendar the catalog saw before it changed', () => {
  const book = async (app: TestApp['app'], body: object) => {
    const booker = await createUser(t.db.dataSource, { verified: true });
    return request(app).post('/api/bookings').set('Cookie', await sessionCookie(t.db.dataSource, booker.id, TEST_SESSION_SECRET)).send(body);
  };
  const soon = DateTime.now().setZone('Europe/Berlin').plus({ days: 5 }).startOf('day');
  const at = (hour: number) => soon.set({ hour }).toISO()!;

  it('are checked again: a closure or new hours made meanwhile on another server refuse them', async () => {
    const db = t.db.dataSource;
    const space = await createSpace(db, provider, { desks: 2 });
    // Both servers hold the space's calendar as it was.
    for (const [i, app] of [t.app, other.app].entries()) expect((await book(app, { spaceId: space.id, resourceId: space.resourceIds[0], start: at(8 + i), end: at(9 + i) })).status).toBe(201);

    await db.query(`UPDATE opening_hours SET opens = '12:00' WHERE space_id = $1`, [space.id]);
    const early = await book(other.app, { spaceId: space.id, resourceId: space.resourceIds[1], start: at(10), end: at(11) });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('outside_opening_hours');

    await db.query(`INSERT INTO closures (space_id, starts_on, ends_on) VALUES ($1, $2, $2)`, [space.id, soon.toISODate()]);
    const closed = await book(t.app, { spaceId: space.id, start: at(13), end: at(14) });
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('space_closed');
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM bookings WHERE space_id = $1`, [space.id])) as [{ n: number }];
    expect(n).toBe(2);
  });

  it('are refused once the provider is suspended, on every server', async () => {
    const db = t.db.dataSource;
    const org = await createOrganization(db, 'provider');
    const space = await createSpace(db, org, { desks: 1 });
    for (const app of [t.app, other.app]) await request(app).get(`/api/spaces/${space.id}/availability`).query(week).expect(200);
    await db.query(`UPDATE organizations SET status = 'suspended' WHERE id = $1`, [org]);
    for (const app of [t.app, other.app]) expect((await book(app, { spaceId: space.id, start: at(9), end: at(10) })).status).toBe(404);
  });
});

describe('claims of a space', () => {
  it('name the space of their unit, whoever writes them', async () => {
    const db = t.db.dataSource;
    const a = await createSpace(db, provider, { desks: 1 });
    const b = await createSpace(db, provider, { desks: 1 });
    const booking = await createBookingClaims(db, { spaceId: a.id, resourceId: a.resourceIds[0]!, unitIds: [a.resourceIds[0]!], start: `${DAY}T11:00:00+01:00`, end: `${DAY}T12:00:00+01:00` });
    expect(await db.query(`SELECT space_id FROM booking_claims WHERE booking_id = $1`, [booking])).toEqual([{ space_id: a.id }]);
    const another = await createBookingClaims(db, { spaceId: a.id, resourceId: a.resourceIds[0]!, unitIds: [], start: `${DAY}T13:00:00+01:00`, end: `${DAY}T14:00:00+01:00` });
    await expect(
      db.query(`INSERT INTO booking_claims (booking_id, unit_id, space_id, period) VALUES ($1, $2, $3, tstzrange($4::timestamptz, $5::timestamptz))`, [another, a.resourceIds[0], b.id, `${DAY}T13:00:00+01:00`, `${DAY}T14:00:00+01:00`]),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it(`last at most ${CLAIM_SPAN_LIMIT}, the bound readers of a window rely on`, async () => {
    const db = t.db.dataSource;
    const space = await createSpace(db, provider, { desks: 1 });
    const booker = await createUser(db);
    const longest = await createBookingClaims(db, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [], start: '2027-04-01T00:00:00+02:00', end: '2027-04-18T00:00:00+02:00', bookerId: booker.id });
    const claim = (end: string) => db.query(`INSERT INTO booking_claims (booking_id, unit_id, period) VALUES ($1, $2, tstzrange('2027-04-01T00:00:00+02:00', $3::timestamptz))`, [longest, space.resourceIds[0], end]);
    await expect(claim('2027-04-18T00:00:01+02:00')).rejects.toMatchObject({ code: '23514' });
    await claim('2027-04-18T00:00:00+02:00');
    const [{ limit }] = (await db.query(`SELECT pg_get_constraintdef(oid) AS limit FROM pg_constraint WHERE conname = 'booking_claims_span_check'`)) as [{ limit: string }];
    expect(limit).toContain(`'${CLAIM_SPAN_LIMIT}'`);
    const window = (await request(t.app).get(`/api/spaces/${space.id}/availability`).query({ from: '2027-04-17T00:00:00+02:00', to: '2027-04-18T00:00:00+02:00' }).expect(200)).body as { resources: { busy: unknown[] }[] };
    expect(window.resources[0]!.busy).toEqual([{ start: '2027-04-17T00:00:00+02:00', end: '2027-04-18T00:00:00+02:00' }]);
  });
});
