import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createSpace, createUser } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

let t: TestApp;
let employer: string;
let provider: string;
let spaceId: string;
let platform: string;
let employerAdmin: string;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  employer = await createOrganization(db, 'employer', 'Berkel AG');
  provider = await createOrganization(db, 'provider');
  spaceId = (await createSpace(db, provider, { desks: 2 })).id;
  const cookieOf = async (org: string, role: 'admin' | 'member') => {
    const user = await createUser(db);
    await addMember(db, user.id, org, role);
    return sessionCookie(db, user.id, TEST_SESSION_SECRET);
  };
  platform = await cookieOf(await createOrganization(db, 'platform'), 'admin');
  employerAdmin = await cookieOf(employer, 'admin');
  staff = await cookieOf(employer, 'member');
});
afterAll(async () => {
  await t?.close();
});

const valid = () => ({ employerId: employer, name: 'Pilot 2027', validFrom: '2027-01-01', validTo: '2027-12-31', providerIds: [provider], daysPerEmployee: 6, pool: { unit: 'hour', amount: 400 }, price: { unit: 'day', cents: 1800 } });

describe('contracts', () => {
  it('are set up by the platform team, audited, and read by the employer’s admins', async () => {
    const created = await request(t.app).post('/api/contracts').set('Cookie', platform).send(valid()).expect(201);
    expect(created.body).toMatchObject({ employer: { id: employer, name: 'Berkel AG' }, providerIds: [provider], spaceIds: [], daysPerEmployee: 6, pool: { unit: 'hour', amount: 400 }, status: 'active' });
    const id = created.body.id;
    const changed = await request(t.app).patch(`/api/contracts/${id}`).set('Cookie', platform).send({ status: 'suspended', spaceIds: [spaceId], pool: null }).expect(200);
    expect(changed.body).toMatchObject({ status: 'suspended', spaceIds: [spaceId], pool: null, daysPerEmployee: 6 });
    const audit = await t.db.dataSource.query(`SELECT action, data FROM audit_events WHERE subject_type = 'contract' AND subject_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['contract.created', 'contract.changed']);
    expect(audit[1].data).toMatchObject({ before: { status: 'active', pool: { unit: 'hour', amount: 400 } }, after: { status: 'suspended', pool: null } });

    expect((await request(t.app).get(`/api/contracts/${id}`).set('Cookie', employerAdmin).expect(200)).body.id).toBe(id);
    expect((await request(t.app).get(`/api/organizations/${employer}/contracts`).set('Cookie', employerAdmin).expect(200)).body.items).toHaveLength(1);
    await request(t.app).get(`/api/contracts/${id}`).set('Cookie', staff).expect(404);
    await request(t.app).patch(`/api/contracts/${id}`).set('Cookie', employerAdmin).send({ status: 'active' }).expect(403);
  });

  it('refuse contracts without a quota, without coverage, with dates reversed, or for non-employers', async () => {
    const refuse = async (body: object, status = 400) => (await request(t.app).post('/api/contracts').set('Cookie', platform).send(body).expect(status)).body.error;
    expect((await refuse({ ...valid(), daysPerEmployee: null, pool: null })).details.issues[0].key).toBe('contract.quota_required');
    expect((await refuse({ ...valid(), providerIds: [] })).details.issues[0].key).toBe('contract.coverage_required');
    expect((await refuse({ ...valid(), validTo: '2026-12-31' })).details.issues[0].key).toBe('contract.dates_order');
    expect((await refuse({ ...valid(), spaceIds: ['00000000-0000-4000-8000-000000000000'] })).details.issues[0].key).toBe('contract.invalid_reference');
    expect((await refuse({ ...valid(), employerId: provider }, 422)).code).toBe('rule_violation');
    const id = (await request(t.app).post('/api/contracts').set('Cookie', platform).send(valid()).expect(201)).body.id;
    expect((await request(t.app).patch(`/api/contracts/${id}`).set('Cookie', platform).send({ daysPerEmployee: null, pool: null }).expect(400)).body.error.details.issues[0].key).toBe('contract.quota_required');
    expect((await request(t.app).patch(`/api/contracts/${id}`).set('Cookie', platform).send({ validFrom: '2028-01-01' }).expect(400)).body.error.details.issues[0].key).toBe('contract.dates_order');
    expect((await request(t.app).patch(`/api/contracts/${id}`).set('Cookie', platform).send({ providerIds: [] }).expect(400)).body.error.details.issues[0].key).toBe('contract.coverage_required');
  });

  it('let people share their commute figures with their employer only by opting in', async () => {
    const me = await request(t.app).patch('/api/me').set('Cookie', staff).send({ homePostcode: '48301' }).expect(200);
    expect(me.body.shareCommute).toBe(false);
    expect((await request(t.app).patch('/api/me').set('Cookie', staff).send({ shareCommute: true }).expect(200)).body).toMatchObject({ shareCommute: true, homePostcode: '48301' });
  });
});
