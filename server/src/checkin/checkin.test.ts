import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContract } from '../db/testing/contract-fixtures';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { releaseNoShows } from './no-show.job';

// Check-in by button and by QR code, its window, the no-show release and the no-show quota
// setting, over HTTP against PostgreSQL. Bookings that began already cannot be made through the
// API (it refuses the past), so they are written directly, confirmed at the time they were made.
type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let graced: SpaceFixture;
let ungraced: SpaceFixture;
let employer: string;
let bookerId: string;
let booker: Agent;
let other: Agent;
let townAdmin: Agent;
let townMember: Agent;

const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.dataSource.query(text, params) as Promise<T[]>;
const minutesFromNow = (minutes: number) => DateTime.now().plus({ minutes }).toISO()!;

/** A confirmed booking of `bookerId` from `startIn` to `endIn` minutes from now. */
async function booking(space: SpaceFixture, startIn: number, endIn: number, options: { desk?: number; contractId?: string; by?: string } = {}): Promise<string> {
  const resourceId = space.resourceIds[options.desk ?? 0]!;
  const id = await createBookingClaims(t.db.dataSource, { spaceId: space.id, resourceId, unitIds: [resourceId], start: minutesFromNow(startIn), end: minutesFromNow(endIn), bookerId: options.by ?? bookerId });
  await sql(`UPDATE bookings SET confirmed_at = now() - interval '1 day', contract_id = $2 WHERE id = $1`, [id, options.contractId ?? null]);
  return id;
}
const statusOf = async (id: string) => (await sql<{ status: string; checked_in_at: Date | null }>(`SELECT status, checked_in_at FROM bookings WHERE id = $1`, [id]))[0]!;
const activeClaims = async (id: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM booking_claims WHERE booking_id = $1 AND active`, [id]))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality', 'Gemeinde Eincheck');
  employer = await createOrganization(db, 'employer', 'Pendel GmbH');
  graced = await createSpace(db, town, { desks: 4, opening: allDay, holidaysClosed: false });
  ungraced = await createSpace(db, town, { desks: 2, opening: allDay, holidaysClosed: false });
  await db.query(`UPDATE spaces SET no_show_grace_minutes = 30 WHERE id = $1`, [graced.id]);
  const [b, o, a, m] = await Promise.all([createUser(db), createUser(db), createUser(db), createUser(db)]);
  bookerId = b!.id;
  await addMember(db, a!.id, town, 'admin');
  await addMember(db, m!.id, town, 'member');
  await addMember(db, bookerId, employer, 'member');
  [booker, other, townAdmin, townMember] = (await Promise.all([b!, o!, a!, m!].map((u) => signIn(t.app, u.email)))) as [Agent, Agent, Agent, Agent];
});
afterAll(async () => {
  await t?.close();
});

describe('checking in by the button', () => {
  it('opens 15 minutes before the start and closes when the grace period ends', async () => {
    const early = await booking(graced, 20, 120);
    const refused = await booker.post(`/api/bookings/${early}/check-in`).send({}).expect(422);
    expect(refused.body.error.code).toBe('check_in_not_open');
    expect(refused.body.error.details.until).toBeDefined();

    const soon = await booking(graced, 10, 120, { desk: 1 });
    const listed = (await booker.get('/api/bookings').expect(200)).body.items.find((i: { id: string }) => i.id === soon);
    expect(listed.checkIn).toEqual({ from: expect.any(String), until: expect.any(String) });
    const done = await booker.post(`/api/bookings/${soon}/check-in`).send({}).expect(200);
    expect(done.body.checkedInAt).not.toBeNull();
    // Again: nothing changes, no second audit row.
    expect((await booker.post(`/api/bookings/${soon}/check-in`).send({}).expect(200)).body.checkedInAt).toBe(done.body.checkedInAt);
    expect(await sql(`SELECT 1 FROM audit_events WHERE subject_id = $1 AND action = 'booking.checked_in'`, [soon])).toHaveLength(1);

    const late = await booking(graced, -35, 60, { desk: 2 });
    expect((await booker.post(`/api/bookings/${late}/check-in`).send({}).expect(422)).body.error.code).toBe('check_in_not_open');
  });

  it('stays open until the end where the space has no grace period', async () => {
    const running = await booking(ungraced, -180, 30);
    await booker.post(`/api/bookings/${running}/check-in`).send({}).expect(200);
    const over = await booking(ungraced, -120, -60, { desk: 1 });
    expect((await booker.post(`/api/bookings/${over}/check-in`).send({}).expect(422)).body.error.code).toBe('check_in_not_open');
  });

  it('is for the booker alone: others get 404, the space’s admin 403, a cancelled booking 409', async () => {
    const id = await booking(ungraced, -10, 50, { desk: 1 });
    expect((await other.post(`/api/bookings/${id}/check-in`).send({}).expect(404)).body.error.code).toBe('not_found');
    expect((await townAdmin.post(`/api/bookings/${id}/check-in`).send({}).expect(403)).body.error.code).toBe('forbidden');
    await sql(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [id]);
    expect((await booker.post(`/api/bookings/${id}/check-in`).send({}).expect(409)).body.error.code).toBe('invalid_transition');
    expect((await statusOf(id)).checked_in_at).toBeNull();
  });
});

describe('checking in by QR code', () => {
  const tokenOf = async (resourceId: string) => (await sql<{ checkin_token: string }>(`SELECT checkin_token FROM resources WHERE id = $1`, [resourceId]))[0]!.checkin_token;

  it('checks in the scanner’s own open booking at that desk and tells others nothing', async () => {
    const desk = graced.resourceIds[3]!;
    const token = await tokenOf(desk);
    const id = await booking(graced, 5, 90, { desk: 3 });
    // Someone without a booking there learns nothing about whose desk it is.
    const stranger = await other.post('/api/check-in').send({ token }).expect(404);
    expect(JSON.stringify(stranger.body)).not.toContain(id);
    const done = await booker.post('/api/check-in').send({ token }).expect(200);
    expect(done.body).toMatchObject({ id, resource: { id: desk } });
    expect((await statusOf(id)).checked_in_at).not.toBeNull();
    expect((await booker.post('/api/check-in').send({ token: '0'.repeat(64) }).expect(404)).body.error.code).toBe('not_found');
    expect((await booker.post('/api/check-in').send({ token: 'not-a-token' }).expect(400)).body.error.code).toBe('invalid_input');
  });

  it('gives the space’s admins a printable sheet with one code per resource, and nobody else', async () => {
    const sheet = await townAdmin.get(`/api/spaces/${graced.id}/qr-sheet`).expect(200);
    expect(sheet.body.space).toMatchObject({ id: graced.id, noShowGraceMinutes: 30 });
    expect(sheet.body.resources).toHaveLength(4);
    const first = sheet.body.resources.find((r: { id: string }) => r.id === graced.resourceIds[0]);
    expect(first.checkInUrl).toBe(`http://localhost:3000/checkin/${await tokenOf(graced.resourceIds[0]!)}`);
    expect(first.qrSvg).toMatch(/^<svg[^>]*viewBox/);
    await townMember.get(`/api/spaces/${graced.id}/qr-sheet`).expect(404);
    await other.get(`/api/spaces/${graced.id}/qr-sheet`).expect(404);
    await booker.get(`/api/spaces/${graced.id}/qr-sheet`).expect(404);
  });
});

describe('no-show release', () => {
  it('releases unchecked bookings after the grace period exactly once, with one mail, freeing the slot', async () => {
    await sql(`UPDATE bookings SET status = 'cancelled' WHERE status = 'confirmed'`);
    await sql(`UPDATE booking_claims SET active = false`);
    const missed = await booking(graced, -40, 80);
    const checkedIn = await booking(graced, -40, 80, { desk: 1 });
    await sql(`UPDATE bookings SET checked_in_at = now() - interval '35 minutes' WHERE id = $1`, [checkedIn]);
    const stillInGrace = await booking(graced, -20, 80, { desk: 2 });
    const noGrace = await booking(ungraced, -40, 80);
    const ended = await booking(graced, -120, -60, { desk: 3 });
    const [hook] = await sql(`INSERT INTO webhook_endpoints (organization_id, url, events, secret) SELECT organization_id, 'https://heizung.example.org/hook', '{booking.cancelled}', 'whsec_test' FROM spaces WHERE id = $1 RETURNING id`, [graced.id]);

    const counts = await Promise.all([releaseNoShows(t.db.dataSource), releaseNoShows(t.db.dataSource)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await releaseNoShows(t.db.dataSource)).toBe(0);
    expect((await statusOf(missed)).status).toBe('no_show');
    for (const id of [checkedIn, stillInGrace, noGrace, ended]) expect((await statusOf(id)).status).toBe('confirmed');
    expect(await activeClaims(missed)).toBe(0);
    expect(await sql(`SELECT key FROM outbox_jobs WHERE payload->>'bookingId' = $1 AND kind = 'booking.mail'`, [missed])).toEqual([{ key: `${missed}:booking.mail:no_show:1` }]);
    expect(await sql(`SELECT actor_user_id FROM audit_events WHERE subject_id = $1 AND action = 'booking.no_show'`, [missed])).toEqual([{ actor_user_id: null }]);
    // The heating hears of the release as a cancellation whose status says why.
    const deliveries = await sql(`SELECT event_type, payload->'data'->>'status' AS status FROM webhook_deliveries WHERE endpoint_id = $1 AND payload->'data'->>'bookingId' = $2`, [hook!.id, missed]);
    expect(deliveries).toEqual([{ event_type: 'booking.cancelled', status: 'no_show' }]);
    // A released booking can no longer be checked in.
    expect((await booker.post(`/api/bookings/${missed}/check-in`).send({}).expect(409)).body.error.code).toBe('invalid_transition');
  });

  it('lets the space’s managers switch the grace period on and off through the space API', async () => {
    const on = await townAdmin.patch(`/api/spaces/${ungraced.id}`).send({ noShowGraceMinutes: 20 }).expect(200);
    expect(on.body.rules.noShowGraceMinutes).toBe(20);
    expect((await townAdmin.patch(`/api/spaces/${ungraced.id}`).send({ noShowGraceMinutes: 2 }).expect(400)).body.error.code).toBe('invalid_input');
    const off = await townAdmin.patch(`/api/spaces/${ungraced.id}`).send({ noShowGraceMinutes: null }).expect(200);
    expect(off.body.rules.noShowGraceMinutes).toBeNull();
  });
});

describe('no-shows and the contract quota', () => {
  it('counts a no-show against the quota unless the contract says otherwise', async () => {
    const contractId = await createContract(t.db.dataSource, { employerId: employer, spaceIds: [graced.id], daysPerEmployee: 2 });
    const quotaLeft = async () => (await booker.get('/api/me/contracts').expect(200)).body.items.find((c: { contract: { id: string } }) => c.contract.id === contractId).thisMonth.employeeDaysLeft;
    const id = await booking(graced, -1, 60, { contractId, desk: 3 });
    await sql(`UPDATE bookings SET status = 'no_show' WHERE id = $1`, [id]);
    await sql(`UPDATE booking_claims SET active = false WHERE booking_id = $1`, [id]);
    expect(await quotaLeft()).toBe(1);
    const platformOrg = await createOrganization(t.db.dataSource, 'platform');
    const platformUser = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, platformUser.id, platformOrg, 'admin');
    const platform = await signIn(t.app, platformUser.email);
    const changed = await platform.patch(`/api/contracts/${contractId}`).send({ noShowConsumesQuota: false }).expect(200);
    expect(changed.body.noShowConsumesQuota).toBe(false);
    expect(await quotaLeft()).toBe(2);
  });
});
