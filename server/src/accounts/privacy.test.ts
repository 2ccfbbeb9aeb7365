import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { DateTime } from 'luxon';
import { addMember, createOrganization, createSpace, createUser, signIn } from '../db/testing/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Every text value in every table, to prove a person's traces are gone. */
async function everyStoredText(): Promise<string> {
  const tables = (await t.db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)) as { tablename: string }[];
  const dumps = await Promise.all(tables.map(async ({ tablename }) => JSON.stringify(await t.db.dataSource.query(`SELECT * FROM "${tablename}"`))));
  return dumps.join('\n');
}

describe('profile, export and erasure', () => {
  it('edits name, language and home location', async () => {
    const user = await createUser(t.db.dataSource);
    const agent = await signIn(t.app, user.email);
    const res = await agent.patch('/api/me').send({ name: 'Hanna Heim', locale: 'en', homePostcode: '48301', homeLocation: { lat: 51.93, lon: 7.35 } }).expect(200);
    expect(res.body).toMatchObject({ name: 'Hanna Heim', locale: 'en', homePostcode: '48301', homeLocation: { lat: 51.93, lon: 7.35 } });
    const cleared = await agent.patch('/api/me').send({ homeLocation: null }).expect(200);
    expect(cleared.body).toMatchObject({ homePostcode: '48301', homeLocation: null, locale: 'en' });
    const bad = await agent.patch('/api/me').send({ homePostcode: '4830', locale: 'fr' }).set('Accept-Language', 'de').expect(400);
    expect(bad.body.error.details.issues).toHaveLength(2);
  });

  it('exports everything held about the person as JSON', async () => {
    const user = await createUser(t.db.dataSource, { email: 'export@example.org', name: 'Eva Export' });
    await addMember(t.db.dataSource, user.id, await createOrganization(t.db.dataSource, 'club', 'Musikverein Havixbeck'), 'member');
    const agent = await signIn(t.app, user.email);
    const res = await agent.get('/api/me/export').expect(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.account).toMatchObject({ id: user.id, email: 'export@example.org', name: 'Eva Export' });
    expect(res.body.account.password_hash).toBeUndefined();
    expect(res.body.memberships).toEqual([expect.objectContaining({ organization: 'Musikverein Havixbeck', role: 'member' })]);
    expect(res.body.activeSessions).toBe(1);
    expect(res.body.bookings).toEqual([]);
  });

  it('exports the person\'s bookings, and erasure ends future ones and frees their slots', async () => {
    const user = await createUser(t.db.dataSource);
    const space = await createSpace(t.db.dataSource, await createOrganization(t.db.dataSource, 'provider'), { desks: 1 });
    const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 2 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const slot = { spaceId: space.id, start: start.toISO(), end: start.plus({ hours: 2 }).toISO(), purpose: 'Vorstellungsgespräch bei Dr. Geheim' };
    const agent = await signIn(t.app, user.email);
    await agent.post('/api/bookings').send(slot).expect(201);
    const exported = await agent.get('/api/me/export').expect(200);
    expect(exported.body.bookings).toEqual([expect.objectContaining({ space: expect.any(String), status: 'confirmed', purpose: slot.purpose })]);
    await agent.delete('/api/me').expect(204);
    expect(await everyStoredText()).not.toContain('Dr. Geheim');
    const other = await signIn(t.app, (await createUser(t.db.dataSource)).email);
    await other.post('/api/bookings').send({ ...slot, purpose: '' }).expect(201);
  });

  it('erases the account and leaves no personal data behind', async () => {
    const user = await createUser(t.db.dataSource, { email: 'weg.damit@example.org', name: 'Wilma Wegdamit' });
    const club = await createOrganization(t.db.dataSource, 'club');
    const admin = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, admin.id, club, 'admin');
    await addMember(t.db.dataSource, user.id, club, 'member');
    const otherClub = await createOrganization(t.db.dataSource, 'club');
    await addMember(t.db.dataSource, admin.id, otherClub, 'admin');
    const adminAgent = await signIn(t.app, admin.email);
    await adminAgent.post(`/api/organizations/${otherClub}/invitations`).send({ email: 'weg.damit@example.org', role: 'admin' }).expect(201);
    const agent = await signIn(t.app, user.email);
    await agent.patch('/api/me').send({ homePostcode: '48249', homeLocation: { lat: 51.83, lon: 7.28 } }).expect(200);
    // An application to offer rooms, with the applicant's own contact details; its organization
    // has a second admin, so the applicant may leave.
    const applied = await agent
      .post('/api/provider-applications')
      .send({ applicantType: 'club', organization: { name: 'Heimatbühne Dülmen', municipality: 'Dülmen' }, rooms: [{ name: 'Bühnensaal' }], contact: { name: 'Wilma Wegdamit', email: 'weg.damit@example.org', phone: '+49 2594 471108' }, message: 'Abends unter 0171 5550123' })
      .expect(201);
    await addMember(t.db.dataSource, admin.id, applied.body.organization.id, 'admin');

    await agent.delete('/api/me').expect(204);
    await agent.get('/api/auth/me').expect(401);
    await request(t.app).post('/api/auth/login').send({ email: user.email, password: 'Kirschbaum-Allee-42' }).expect(401);

    const stored = (await everyStoredText()).toLowerCase();
    expect(stored).not.toContain('weg.damit@example.org');
    expect(stored).not.toContain('wegdamit');
    expect(stored).not.toContain('48249');
    expect(stored).not.toContain('471108');
    expect(stored).not.toContain('5550123');
    // The application itself stays for the organization and the deciders.
    const [application] = await t.db.dataSource.query(`SELECT status, applicant_id, contact_name, contact_email, contact_phone FROM provider_applications WHERE id = $1`, [applied.body.id]);
    expect(application).toEqual({ status: 'pending', applicant_id: user.id, contact_name: 'Gelöschtes Konto', contact_email: '', contact_phone: '' });
    const [row] = await t.db.dataSource.query(`SELECT email, display_name, home_lat, deleted_at FROM users WHERE id = $1`, [user.id]);
    expect(row).toMatchObject({ display_name: 'Gelöschtes Konto', home_lat: null, deleted_at: expect.any(Date) });
  });

  it('will not orphan an organization: its only admin must hand over first', async () => {
    const user = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, user.id, await createOrganization(t.db.dataSource, 'club', 'Heimatverein Olfen'), 'admin');
    const res = await (await signIn(t.app, user.email)).delete('/api/me').expect(409);
    expect(res.body.error).toMatchObject({ code: 'last_admin', details: { organizations: ['Heimatverein Olfen'] } });
  });
});
