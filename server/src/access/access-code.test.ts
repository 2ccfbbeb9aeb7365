import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let keypad: SpaceFixture;
let bookerId: string;
let club: string;
let booker: Agent;
let townAdmin: Agent;
let clubAdmin: Agent;
let outsider: Agent;

const book = (space: SpaceFixture, startInMinutes: number, status: 'confirmed' | 'pending' = 'confirmed') => {
  const start = DateTime.now().plus({ minutes: startInMinutes });
  return createBookingClaims(t.db.dataSource, {
    spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()!, bookerId, organizationId: club, status,
  });
};
const codeOf = async (id: string) => ((await t.db.dataSource.query(`SELECT code FROM booking_access WHERE booking_id = $1`, [id])) as { code: string | null }[])[0]?.code ?? null;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality');
  club = await createOrganization(db, 'club');
  keypad = await createSpace(db, town, { room: { capacity: 120 }, name: 'Dorfgemeinschaftshaus Holtwick', approval: 'required', holidaysClosed: false });
  await db.query(`UPDATE spaces SET access_mode = 'keypad', code_lead_minutes = 45, access_instructions = 'Tastenfeld links neben der Eingangstür' WHERE id = $1`, [keypad.id]);
  const user = await createUser(db);
  bookerId = user.id;
  const admin = await createUser(db);
  const chair = await createUser(db);
  const stranger = await createUser(db);
  await addMember(db, user.id, club, 'member');
  await addMember(db, admin.id, town, 'admin');
  await addMember(db, chair.id, club, 'admin');
  booker = await signIn(t.app, user.email);
  townAdmin = await signIn(t.app, admin.email);
  clubAdmin = await signIn(t.app, chair.email);
  outsider = await signIn(t.app, stranger.email);
});
afterAll(async () => {
  await t?.close();
});

describe('door codes of keypad and smart-lock spaces', () => {
  it('gives every confirmed booking its own six-digit code, shown to the booker only inside the window', async () => {
    const soon = await book(keypad, 30);
    const later = await book(keypad, 3 * 24 * 60);
    const code = await codeOf(soon);
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(await codeOf(later)).toMatch(/^[0-9]{6}$/);

    const shown = await booker.get(`/api/bookings/${soon}/access`).expect(200);
    expect(shown.body).toMatchObject({ mode: 'keypad', key: null, instructions: 'Tastenfeld links neben der Eingangstür', code: { state: 'shown', value: code } });

    const waiting = await booker.get(`/api/bookings/${later}/access`).expect(200);
    expect(waiting.body.code).toMatchObject({ state: 'not_yet', value: null });
    expect(JSON.stringify(waiting.body)).not.toContain((await codeOf(later))!);
    const [{ starts_at }] = await t.db.dataSource.query(`SELECT lower(period) AS starts_at FROM bookings WHERE id = $1`, [later]);
    expect(DateTime.fromISO(waiting.body.code.shownFrom).toMillis()).toBe(DateTime.fromJSDate(starts_at).minus({ minutes: 45 }).toMillis());

    const past = await book(keypad, -4 * 60);
    expect((await booker.get(`/api/bookings/${past}/access`).expect(200)).body.code).toMatchObject({ state: 'over', value: null });

    // Managers and the club's admins see the booking, never its code.
    for (const other of [townAdmin, clubAdmin]) {
      await other.get(`/api/bookings/${soon}`).expect(200);
      await other.get(`/api/bookings/${soon}/access`).expect(404);
    }
    await outsider.get(`/api/bookings/${soon}/access`).expect(404);
    expect(JSON.stringify((await townAdmin.get(`/api/bookings/${soon}`)).body)).not.toContain(code);
  });

  it('gives a request its code when it is approved, and a cancelled or rejected booking loses it', async () => {
    const request = await book(keypad, 10 * 24 * 60, 'pending');
    expect(await codeOf(request)).toBeNull();
    await booker.get(`/api/bookings/${request}/access`).expect(404);
    await townAdmin.post(`/api/bookings/${request}/approve`).send({}).expect(200);
    expect(await codeOf(request)).toMatch(/^[0-9]{6}$/);

    const db = t.db.dataSource;
    const [{ organization_id }] = await db.query(`SELECT organization_id FROM spaces WHERE id = $1`, [keypad.id]);
    const smartLock = await createSpace(db, organization_id, { room: { capacity: 12 }, holidaysClosed: false });
    await db.query(`UPDATE spaces SET access_mode = 'smart_lock' WHERE id = $1`, [smartLock.id]);
    const soon = await book(smartLock, 20);
    expect((await booker.get(`/api/bookings/${soon}/access`).expect(200)).body.code.state).toBe('shown');
    await townAdmin.post(`/api/bookings/${soon}/cancel`).send({ reason: 'Heizung defekt' }).expect(200);
    expect(await codeOf(soon)).toBeNull();
    await booker.get(`/api/bookings/${soon}/access`).expect(404);

    const rejected = await book(keypad, 11 * 24 * 60, 'pending');
    await townAdmin.post(`/api/bookings/${rejected}/reject`).send({ reason: 'Schützenfest' }).expect(200);
    expect(await codeOf(rejected)).toBeNull();
  });

  it('draws codes at random', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await book(keypad, (20 + i) * 24 * 60));
    const codes = await Promise.all(ids.map(codeOf));
    expect(new Set(codes).size).toBeGreaterThan(10);
  });

  it('gives bookings still to come their codes when a space switches to a keypad', async () => {
    const db = t.db.dataSource;
    const [{ organization_id }] = await db.query(`SELECT organization_id FROM spaces WHERE id = $1`, [keypad.id]);
    const hall = await createSpace(db, organization_id, { room: { capacity: 50 }, holidaysClosed: false });
    const coming = await book(hall, 5 * 24 * 60);
    const past = await book(hall, -5 * 24 * 60);
    expect(await codeOf(coming)).toBeNull();
    await townAdmin.patch(`/api/spaces/${hall.id}`).send({ accessMode: 'keypad' }).expect(200);
    expect(await codeOf(coming)).toMatch(/^[0-9]{6}$/);
    expect(await codeOf(past)).toBeNull();
    expect((await booker.get(`/api/bookings/${coming}/access`).expect(200)).body.code.state).toBe('not_yet');
  });
});
