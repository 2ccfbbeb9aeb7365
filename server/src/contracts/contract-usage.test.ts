import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContract } from '../db/testing/contract-fixtures';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, type TestUser } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

/*
 * Usage, CSV, statement and commute figures of one employer in one month. The geography is
 * chosen so the expected distances can be worked out by hand:
 *   workplace W (51.80 N, 7.00 E), space S (51.95 N, 7.00 E), Anna's home A (52.00 N, 7.00 E).
 * All three lie on one meridian, so great-circle distances are R·Δφ, with R = 6371.0088 km one
 * degree of latitude is 111.19508 km: A→W = 0.20° = 22.23902 km, A→S = 0.05° = 5.55975 km.
 * Avoided per day = 2·1.3·(22.23902 − 5.55975) = 43.36608 km.
 * Bernd's home is his postcode's town centre, Nottuln (51.9275 N, 7.3536 E); the haversine,
 * worked out separately, gives B→W = 28.11655 km and B→S = 24.36879 km, so 2·1.3·3.74776 = 9.74417 km.
 */
const A_KM_PER_DAY = 43.36608;
const B_KM_PER_DAY = 9.74417;
const G_PER_KM = 166;

let t: TestApp;
let employer: string;
let contract: string;
let space: { id: string; resourceIds: string[] };
let anna: TestUser;
let bernd: TestUser;
let adminCookie: string;

const MONTH = '2026-10';
/** Past bookings are written directly: the booking rules rightly refuse the past. */
async function pastBooking(user: TestUser, dayOfMonth: number, desk: number, onContract = true): Promise<string> {
  const start = DateTime.fromObject({ year: 2026, month: 10, day: dayOfMonth, hour: 8 }, { zone: 'Europe/Berlin' });
  const id = await createBookingClaims(t.db.dataSource, {
    spaceId: space.id, resourceId: space.resourceIds[desk]!, unitIds: [space.resourceIds[desk]!], start: start.toISO()!, end: start.plus({ hours: 10 }).toISO()!, bookerId: user.id, ...(onContract ? { organizationId: employer } : {}),
  });
  if (onContract) await t.db.dataSource.query(`UPDATE bookings SET contract_id = $2, price_cents = 1850 WHERE id = $1`, [id, contract]);
  else await t.db.dataSource.query(`UPDATE bookings SET price_cents = 1900 WHERE id = $1`, [id]);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  employer = await createOrganization(db, 'employer', 'Berkel; "AG"');
  const provider = await createOrganization(db, 'provider');
  space = await createSpace(db, provider, { desks: 3, lat: 51.95, lon: 7.0, municipality: 'Nottuln', name: 'Cowork <Süd>' });
  contract = await createContract(db, { employerId: employer, spaceIds: [space.id], daysPerEmployee: 4, validFrom: '2026-09-01' });
  anna = await createUser(db, { name: 'Anna Nord' });
  bernd = await createUser(db, { name: '=Bernd Süd' });
  const admin = await createUser(db, { name: 'Petra Personal' });
  await db.query(`UPDATE users SET home_lat = 52.0, home_lon = 7.0, share_commute = true WHERE id = $1`, [anna.id]);
  await db.query(`UPDATE users SET home_postcode = '48301' WHERE id = $1`, [bernd.id]);
  for (const [user, role] of [[anna, 'member'], [bernd, 'member'], [admin, 'admin']] as const) await addMember(db, user.id, employer, role);
  adminCookie = await sessionCookie(db, admin.id, TEST_SESSION_SECRET);
  await request(t.app).put(`/api/organizations/${employer}/workplace`).set('Cookie', await sessionCookie(db, admin.id, TEST_SESSION_SECRET)).send({ lat: 51.8, lon: 7.0 }).expect(200);

  await pastBooking(anna, 5, 0);
  await pastBooking(anna, 6, 0);
  await pastBooking(bernd, 6, 1);
  // Private, not on the contract: the employer must never see it.
  await pastBooking(anna, 7, 2, false);
  // Cancelled: gives the quota back and is not billed.
  const cancelled = await pastBooking(bernd, 8, 1);
  await db.query(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [cancelled]);
});
afterAll(async () => {
  await t?.close();
});

const usage = () => request(t.app).get(`/api/organizations/${employer}/usage`).query({ month: MONTH }).set('Cookie', adminCookie);

describe('usage of a month', () => {
  it('counts per employee and space, with quota left, the amount due and the commute saved', async () => {
    const res = await usage().expect(200);
    expect(res.body.totals).toMatchObject({ days: 3, hours: 30, amountCents: 3 * 1850 });
    const byName = Object.fromEntries(res.body.employees.map((e: { name: string }) => [e.name, e]));
    expect(byName['Anna Nord']).toMatchObject({ days: 2, hours: 20, amountCents: 3700, daysLeft: 2 });
    expect(byName['=Bernd Süd']).toMatchObject({ days: 1, amountCents: 1850, daysLeft: 3, commute: null });
    expect(byName['Petra Personal']).toMatchObject({ days: 0, daysLeft: 4 });
    expect(res.body.spaces).toEqual([{ spaceId: space.id, name: 'Cowork <Süd>', municipality: 'Nottuln', days: 3, hours: 30, amountCents: 5550 }]);

    // Anna opted in: her own figures; Bernd did not: only inside the total.
    expect(byName['Anna Nord'].commute.deskDays).toBe(2);
    expect(byName['Anna Nord'].commute.kmAvoided).toBeCloseTo(2 * A_KM_PER_DAY, 1);
    expect(byName['Anna Nord'].commute.co2KgAvoided).toBeCloseTo((2 * A_KM_PER_DAY * G_PER_KM) / 1000, 1);
    expect(res.body.totals.commute.kmAvoided).toBeCloseTo(2 * A_KM_PER_DAY + B_KM_PER_DAY, 1);
    expect(res.body.totals.commute.co2KgAvoided).toBeCloseTo(((2 * A_KM_PER_DAY + B_KM_PER_DAY) * G_PER_KM) / 1000, 1);
  });

  it('shows nothing of staff’s private bookings', async () => {
    const res = await usage().expect(200);
    expect(JSON.stringify(res.body)).not.toContain('1900');
    expect(res.body.totals.days).toBe(3);
    const statement = await request(t.app).get(`/api/contracts/${contract}/statement`).query({ month: MONTH }).set('Cookie', adminCookie).expect(200);
    expect(statement.body.lines.map((l: { date: string }) => l.date)).toEqual(['2026-10-05', '2026-10-06', '2026-10-06']);
    expect(statement.body.lines.some((l: { date: string }) => l.date === '2026-10-07')).toBe(false);
  });

  it('gives the same figures as CSV, in English and in the German spreadsheet format', async () => {
    const json = (await usage().expect(200)).body;
    for (const format of ['en', 'de'] as const) {
      const res = await request(t.app).get(`/api/organizations/${employer}/usage`).query({ month: MONTH, format }).set('Cookie', adminCookie).set('Accept', 'text/csv').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const separator = format === 'de' ? ';' : ',';
      const toNumber = (cell: string) => Number(format === 'de' ? cell.replace(',', '.') : cell);
      const [header, ...rows] = res.text.trim().split('\r\n').map((line) => line.split(separator));
      expect(header).toHaveLength(5);
      const total = rows.pop()!;
      expect(rows).toHaveLength(json.employees.length);
      expect(rows.reduce((sum, r) => sum + toNumber(r[1]!), 0)).toBe(json.totals.days);
      expect(rows.reduce((sum, r) => sum + toNumber(r[2]!), 0)).toBeCloseTo(json.totals.hours, 2);
      expect(rows.reduce((sum, r) => sum + toNumber(r[3]!), 0)).toBeCloseTo(json.totals.amountCents / 100, 2);
      expect(toNumber(total[3]!)).toBeCloseTo(json.totals.amountCents / 100, 2);
      // A name that looks like a formula is defused.
      expect(rows.map((r) => r[0])).toContain("'=Bernd Süd");
      if (format === 'de') expect(total[3]).toBe('55,50');
    }
  });

  it('prints a statement page for the finance office, with every value escaped', async () => {
    const res = await request(t.app).get(`/api/contracts/${contract}/statement`).query({ month: MONTH }).set('Cookie', adminCookie).set('Accept', 'text/html').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="de">');
    expect(res.text).toContain('Cowork &#60;Süd&#62;');
    expect(res.text).not.toContain('<Süd>');
    expect(res.text).toMatch(/55,50\s€/);
  });
});

describe('commute figures', () => {
  it('shows people their own', async () => {
    const res = await request(t.app).get('/api/me/commute').set('Cookie', await sessionCookie(t.db.dataSource, bernd.id, TEST_SESSION_SECRET)).expect(200);
    expect(res.body.shared).toBe(false);
    expect(res.body.months).toHaveLength(1);
    expect(res.body.months[0].month).toBe(MONTH);
    expect(res.body.total.deskDays).toBe(1);
    expect(res.body.total.kmAvoided).toBeCloseTo(B_KM_PER_DAY, 1);
  });

  it('shows the platform team the region by town, and nobody else', async () => {
    const platformAdmin = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, platformAdmin.id, await createOrganization(t.db.dataSource, 'platform'), 'admin');
    const res = await request(t.app).get('/api/admin/commute').query({ month: MONTH }).set('Cookie', await sessionCookie(t.db.dataSource, platformAdmin.id, TEST_SESSION_SECRET)).expect(200);
    expect(res.body.towns).toHaveLength(1);
    expect(res.body.towns[0]).toMatchObject({ municipality: 'Nottuln', deskDays: 3 });
    expect(res.body.total.kmAvoided).toBeCloseTo(2 * A_KM_PER_DAY + B_KM_PER_DAY, 1);
    await request(t.app).get('/api/admin/commute').query({ month: MONTH }).set('Cookie', adminCookie).expect(403);
  });

  it('never counts a detour as saved', async () => {
    // Home at the workplace: driving to the space is extra, not avoided.
    await t.db.dataSource.query(`UPDATE users SET home_lat = 51.8, home_lon = 7.0 WHERE id = $1`, [anna.id]);
    const res = await request(t.app).get('/api/me/commute').set('Cookie', await sessionCookie(t.db.dataSource, anna.id, TEST_SESSION_SECRET)).expect(200);
    expect(res.body.total).toEqual({ deskDays: 2, kmAvoided: 0, co2KgAvoided: 0 });
  });
});
