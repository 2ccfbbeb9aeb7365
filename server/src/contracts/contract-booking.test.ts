import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContract } from '../db/testing/contract-fixtures';
import { addMember, createOrganization, createSpace, createUser, type TestUser } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_PUBLIC_URL, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { createMailer } from '../notifications/mailer';
import { contractMailHandlers } from '../notifications/contract-mails';
import { deliverDue } from '../notifications/outbox';

let t: TestApp;
let employer: string;
let provider: string;
let covered: { id: string };
let other: { id: string };
let admin: TestUser;

/** Days of next month, so every booking is in the future, inside the horizon and in one month. */
const nextMonth = DateTime.now().setZone('Europe/Berlin').plus({ months: 1 }).startOf('month');
const day = (n: number) => nextMonth.plus({ days: n - 1 }).toISODate()!;
const MONTH = nextMonth.toFormat('yyyy-MM');

async function employee(name = 'Erika Beschäftigt', locale: 'de' | 'en' = 'de'): Promise<{ user: TestUser; cookie: string }> {
  const user = await createUser(t.db.dataSource, { name, locale });
  await addMember(t.db.dataSource, user.id, employer, 'member');
  return { user, cookie: await sessionCookie(t.db.dataSource, user.id, TEST_SESSION_SECRET) };
}

const book = (cookie: string, body: object) => request(t.app).post('/api/bookings').set('Cookie', cookie).send(body);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  employer = await createOrganization(db, 'employer', 'Berkel AG');
  provider = await createOrganization(db, 'provider', 'Cowork eG');
  covered = await createSpace(db, provider, { desks: 20, holidaysClosed: false, name: 'Cowork Mitte' });
  other = await createSpace(db, await createOrganization(db, 'provider'), { desks: 2, holidaysClosed: false });
  admin = await createUser(db, { name: 'Petra Personal', locale: 'en', email: 'personal@berkel.example' });
  await addMember(db, admin.id, employer, 'admin');
});
afterAll(async () => {
  await t?.close();
});

describe('booking on a contract', () => {
  it('never exceeds a quota: 20 parallel bookings against a pool of 5 make exactly 5', async () => {
    const contract = await createContract(t.db.dataSource, { employerId: employer, spaceIds: [covered.id], daysPerEmployee: null, pool: { unit: 'day', amount: 5 } });
    const staff = await Promise.all(Array.from({ length: 20 }, (_, i) => employee(`Person ${i}`)));
    const answers = await Promise.all(staff.map((s) => book(s.cookie, { spaceId: covered.id, date: day(3), contractId: contract })));
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 422);
    expect(created).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const answer of refused) {
      expect(answer.body.error.code).toBe('quota_exceeded');
      expect(answer.body.error.details).toMatchObject({ quota: 'pool', unit: 'day', month: MONTH, limit: 5, used: 5, left: 0 });
    }
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE contract_id = $1`, [contract]);
    expect(n).toBe(5);
    for (const answer of created) expect(answer.body).toMatchObject({ contractId: contract, organization: { id: employer }, priceCents: 1500 });
  }, 60_000);

  it('never exceeds a person’s quota either: 10 parallel days against 3 make exactly 3', async () => {
    const contract = await createContract(t.db.dataSource, { employerId: employer, spaceIds: [covered.id], daysPerEmployee: 3 });
    const { cookie } = await employee('Paula Parallel');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => book(cookie, { spaceId: covered.id, date: day(i + 11), contractId: contract })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status === 422);
    expect(refused).toHaveLength(7);
    for (const answer of refused) expect(answer.body.error).toMatchObject({ code: 'quota_exceeded', details: { quota: 'employee', limit: 3, used: 3, left: 0 } });
  }, 60_000);

  it('refuses outside the validity, for uncovered spaces, on inactive contracts, and hides other employers’ contracts', async () => {
    const { cookie } = await employee();
    const short = await createContract(t.db.dataSource, { employerId: employer, spaceIds: [covered.id], validFrom: day(1), validTo: day(10) });
    const outside = await book(cookie, { spaceId: covered.id, date: day(11), contractId: short }).expect(422);
    expect(outside.body.error).toMatchObject({ code: 'contract_not_applicable', details: { reason: 'outside_validity', validFrom: day(1), validTo: day(10) } });
    const uncovered = await book(cookie, { spaceId: other.id, date: day(4), contractId: short }).expect(422);
    expect(uncovered.body.error).toMatchObject({ code: 'contract_not_applicable', details: { reason: 'space_not_covered' } });
    const suspended = await createContract(t.db.dataSource, { employerId: employer, providerIds: [provider], status: 'suspended' });
    expect((await book(cookie, { spaceId: covered.id, date: day(4), contractId: suspended }).expect(422)).body.error.details).toMatchObject({ reason: 'contract_inactive', status: 'suspended' });
    const foreign = await createContract(t.db.dataSource, { employerId: await createOrganization(t.db.dataSource, 'employer'), providerIds: [provider] });
    expect((await book(cookie, { spaceId: covered.id, date: day(4), contractId: foreign }).expect(404)).body.error.code).toBe('not_found');
    // Covered through its provider, inside the dates: booked.
    await book(cookie, { spaceId: covered.id, date: day(10), contractId: short }).expect(201);
  });

  it('checks the per-employee quota and the pool together, and a cancellation gives the quota back', async () => {
    const contract = await createContract(t.db.dataSource, { employerId: employer, providerIds: [provider], daysPerEmployee: 2, pool: { unit: 'day', amount: 3 } });
    const a = await employee('Anna');
    const b = await employee('Bernd');
    const first = await book(a.cookie, { spaceId: covered.id, date: day(5), contractId: contract }).expect(201);
    await book(a.cookie, { spaceId: covered.id, date: day(6), contractId: contract }).expect(201);
    const third = await book(a.cookie, { spaceId: covered.id, date: day(7), contractId: contract }).expect(422);
    expect(third.body.error).toMatchObject({ code: 'quota_exceeded', details: { quota: 'employee', unit: 'day', limit: 2, used: 2, left: 0 } });
    await book(b.cookie, { spaceId: covered.id, date: day(5), contractId: contract }).expect(201);
    const pool = await book(b.cookie, { spaceId: covered.id, date: day(6), contractId: contract }).expect(422);
    expect(pool.body.error).toMatchObject({ code: 'quota_exceeded', details: { quota: 'pool', limit: 3, used: 3, left: 0 } });

    const left = await request(t.app).get('/api/me/contracts').set('Cookie', a.cookie).expect(200);
    const mine = left.body.items.find((i: { contract: { id: string } }) => i.contract.id === contract);
    expect(mine.nextMonth).toEqual({ month: MONTH, employeeDaysLeft: 0, poolLeft: 0 });
    expect(mine.coveredSpaceIds).toContain(covered.id);

    await request(t.app).post(`/api/bookings/${first.body.id}/cancel`).set('Cookie', a.cookie).send({}).expect(200);
    await book(b.cookie, { spaceId: covered.id, date: day(6), contractId: contract }).expect(201);
  });

  it('counts an hour pool in hours and bills hourly prices', async () => {
    const contract = await createContract(t.db.dataSource, { employerId: employer, spaceIds: [covered.id], daysPerEmployee: null, pool: { unit: 'hour', amount: 5 }, price: { unit: 'hour', cents: 250 } });
    const { cookie } = await employee();
    const at = (d: number, h: number) => nextMonth.plus({ days: d - 1 }).set({ hour: h });
    const first = await book(cookie, { spaceId: covered.id, start: at(8, 9).toISO(), end: at(8, 12).toISO(), contractId: contract }).expect(201);
    expect(first.body.priceCents).toBe(750);
    const over = await book(cookie, { spaceId: covered.id, start: at(9, 9).toISO(), end: at(9, 12).toISO(), contractId: contract }).expect(422);
    expect(over.body.error.details).toMatchObject({ quota: 'pool', unit: 'hour', limit: 5, used: 3, left: 2, requested: 3 });
    await book(cookie, { spaceId: covered.id, start: at(9, 9).toISO(), end: at(9, 11).toISO(), contractId: contract }).expect(201);
  });
});

describe('quota nearly used up', () => {
  it('enqueues one mail per contract, month and quota when 80 % is reached, and mails the employer’s admins in their language', async () => {
    const contract = await createContract(t.db.dataSource, { employerId: employer, spaceIds: [covered.id], daysPerEmployee: 5, pool: { unit: 'day', amount: 5 }, name: 'Pilot Mail' });
    const { user, cookie } = await employee('Mia Mail');
    for (const d of [12, 13, 14, 15, 16]) await book(cookie, { spaceId: covered.id, date: day(d), contractId: contract }).expect(201);
    const jobs = (await t.db.dataSource.query(`SELECT key, payload FROM outbox_jobs WHERE kind = 'contract.quota_mail' AND payload ->> 'contractId' = $1 ORDER BY key`, [contract])) as { key: string }[];
    expect(jobs.map((j) => j.key)).toEqual([`contract:${contract}:${MONTH}:quota80`, `contract:${contract}:${MONTH}:quota80:${user.id}`]);

    const mailer = createMailer({ smtpUrl: undefined, from: 'Landräume <noreply@example.org>', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL });
    // Only this contract's jobs are delivered: the earlier tests' mails are not the subject here.
    await t.db.dataSource.query(`UPDATE outbox_jobs SET status = 'done' WHERE payload ->> 'contractId' IS DISTINCT FROM $1`, [contract]);
    expect(await deliverDue(t.db.dataSource, contractMailHandlers({ db: t.db.dataSource, mailer, publicUrl: TEST_PUBLIC_URL }), silentLogger)).toBe(2);
    const mails = (await t.mails()).filter((m) => m.to === admin.email);
    expect(mails.map((m) => m.subject)).toEqual([`Quota nearly used up: Pilot Mail (${MONTH})`, `Quota nearly used up: Pilot Mail (${MONTH})`]);
    expect(mails.map((m) => m.text).join('\n')).toMatch(/5 \/ 5 desk-days of the company pool/);
    expect(mails.map((m) => m.text).join('\n')).toMatch(/Mia Mail has used 5 \/ 5 desk-days/);
  });
});
