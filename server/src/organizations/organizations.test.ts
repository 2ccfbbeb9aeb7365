import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { addMember, createOrganization, createUser, mailTo, signIn, tokenFromMail } from '../db/testing/fixtures';

let t: TestApp;
let platformAdmin: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await createUser(t.db.dataSource, { email: 'plattform@example.org', name: 'Paula Plattform' });
  await addMember(t.db.dataSource, admin.id, await createOrganization(t.db.dataSource, 'platform', 'Digitalagentur'), 'admin');
  platformAdmin = await signIn(t.app, admin.email);
});
afterAll(async () => {
  await t.close();
});

const newClub = async (firstAdminEmail: string) =>
  (await platformAdmin.post('/api/organizations').send({ kind: 'club', name: 'TuS Nottuln 1919', municipality: 'Nottuln', firstAdminEmail }).expect(201)).body;

describe('organizations and memberships', () => {
  it('lets the platform team create an organization and appoint a known person as its admin', async () => {
    const vorstand = await createUser(t.db.dataSource, { email: 'vorstand@example.org' });
    const club = await newClub(vorstand.email);
    expect(club).toMatchObject({ kind: 'club', name: 'TuS Nottuln 1919', municipality: 'Nottuln', slug: expect.stringMatching(/^tus-nottuln-1919-/) });
    const agent = await signIn(t.app, vorstand.email);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.memberships).toEqual([{ organizationId: club.id, organizationName: 'TuS Nottuln 1919', organizationKind: 'club', role: 'admin' }]);
    const audit = await t.db.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [club.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['organization.created', 'membership.appointed']);
  });

  it('invites a first admin without an account, who registers through the link and is verified at once', async () => {
    const club = await newClub('neue.vorsitzende@example.org');
    const token = tokenFromMail(await mailTo(t, 'neue.vorsitzende@example.org'), '/einladung');
    const agent = request.agent(t.app);
    const res = await agent
      .post('/api/auth/register')
      .send({ email: 'neue.vorsitzende@example.org', password: 'Vereinsheim-Garten-3', name: 'Vera Vorsitz', invitationToken: token })
      .expect(201);
    expect(res.body.emailVerified).toBe(true);
    expect(res.body.memberships).toEqual([expect.objectContaining({ organizationId: club.id, role: 'admin' })]);
  });

  it('lets an org admin invite an existing user, who joins; the link works once and only for that address', async () => {
    const admin = await createUser(t.db.dataSource);
    const club = await newClub(admin.email);
    const adminAgent = await signIn(t.app, admin.email);
    const member = await createUser(t.db.dataSource, { email: 'mitglied@example.org' });
    const stranger = await createUser(t.db.dataSource);

    await adminAgent.post(`/api/organizations/${club.id}/invitations`).send({ email: 'Mitglied@example.org' }).expect(201);
    const token = tokenFromMail(await mailTo(t, member.email), '/einladung');
    const wrong = await (await signIn(t.app, stranger.email)).post('/api/invitations/accept').send({ token }).expect(422);
    expect(wrong.body.error.code).toBe('invitation_mismatch');

    const memberAgent = await signIn(t.app, member.email);
    await memberAgent.post('/api/invitations/accept').send({ token }).expect(200);
    expect((await memberAgent.post('/api/invitations/accept').send({ token }).expect(400)).body.error.code).toBe('invalid_token');
    const members = await adminAgent.get(`/api/organizations/${club.id}/members`).expect(200);
    expect(members.body.items.map((m: { email: string; role: string }) => [m.email, m.role]).sort()).toEqual([
      [admin.email, 'admin'],
      [member.email, 'member'],
    ].sort());
    const again = await adminAgent.post(`/api/organizations/${club.id}/invitations`).send({ email: member.email }).expect(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('keeps at least one admin: no demotion, removal or leaving of the last one', async () => {
    const admin = await createUser(t.db.dataSource);
    const club = await newClub(admin.email);
    const agent = await signIn(t.app, admin.email);
    expect((await agent.patch(`/api/organizations/${club.id}/members/${admin.id}`).send({ role: 'member' }).expect(409)).body.error.code).toBe('last_admin');
    expect((await agent.delete(`/api/organizations/${club.id}/members/${admin.id}`).expect(409)).body.error.code).toBe('last_admin');

    const second = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, second.id, club.id, 'member');
    await agent.patch(`/api/organizations/${club.id}/members/${second.id}`).send({ role: 'admin' }).expect(204);
    await agent.delete(`/api/organizations/${club.id}/members/${admin.id}`).expect(204);
    await agent.get(`/api/organizations/${club.id}`).expect(404);
  });

  it('lets a member leave, but not remove others', async () => {
    const admin = await createUser(t.db.dataSource);
    const club = await newClub(admin.email);
    const a = await createUser(t.db.dataSource);
    const b = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, a.id, club.id, 'member');
    await addMember(t.db.dataSource, b.id, club.id, 'member');
    const agentA = await signIn(t.app, a.email);
    expect((await agentA.delete(`/api/organizations/${club.id}/members/${b.id}`).expect(403)).body.error.code).toBe('forbidden');
    await agentA.get(`/api/organizations/${club.id}`).expect(200);
    await agentA.delete(`/api/organizations/${club.id}/members/${a.id}`).expect(204);
    await agentA.get(`/api/organizations/${club.id}`).expect(404);
  });

  it('hides organizations from outsiders as if they did not exist', async () => {
    const admin = await createUser(t.db.dataSource);
    const club = await newClub(admin.email);
    const outsider = await signIn(t.app, (await createUser(t.db.dataSource)).email);
    const hidden = await outsider.get(`/api/organizations/${club.id}`).expect(404);
    const missing = await outsider.get(`/api/organizations/00000000-0000-4000-8000-000000000000`).expect(404);
    expect(hidden.body).toEqual(missing.body);
    await outsider.get(`/api/organizations/${club.id}/members`).expect(404);
    expect((await outsider.get('/api/organizations').expect(200)).body.items).toEqual([]);
  });

  it('reserves creating organizations for the platform team', async () => {
    const someone = await signIn(t.app, (await createUser(t.db.dataSource)).email);
    const res = await someone.post('/api/organizations').send({ kind: 'club', name: 'Eigenverein', firstAdminEmail: 'x@example.org' }).expect(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('changing an organization', () => {
  it('lets the platform team correct details and clear a field, but suspend only through its own endpoint; each change is audited', async () => {
    const vorstand = await createUser(t.db.dataSource);
    const club = await newClub(vorstand.email);
    const edited = await platformAdmin.patch(`/api/organizations/${club.id}`).send({ name: 'TuS Nottuln 1919 e. V.', website: 'https://tus-nottuln.example.org', municipality: null }).expect(200);
    expect(edited.body).toMatchObject({ id: club.id, name: 'TuS Nottuln 1919 e. V.', website: 'https://tus-nottuln.example.org', municipality: null, status: 'active', slug: club.slug });
    await platformAdmin.patch(`/api/organizations/${club.id}`).send({ status: 'suspended' }).expect(400);
    await platformAdmin.post(`/api/organizations/${club.id}/suspend`).send({ reason: 'Satzung fehlt' }).expect(200);
    expect((await platformAdmin.get(`/api/organizations/${club.id}`).expect(200)).body).toMatchObject({ name: 'TuS Nottuln 1919 e. V.', status: 'suspended' });
    const audit = await t.db.dataSource.query(`SELECT action, data FROM audit_events WHERE subject_id = $1 ORDER BY id`, [club.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['organization.created', 'membership.appointed', 'organization.updated', 'organization.suspended']);
    expect(audit[2].data.fields).toEqual(['name', 'municipality', 'website']);
  });

  it('refuses the organization’s own admin (403), strangers (404) and bad input in words (400)', async () => {
    const vorstand = await createUser(t.db.dataSource);
    const club = await newClub(vorstand.email);
    const own = await signIn(t.app, vorstand.email);
    expect((await own.patch(`/api/organizations/${club.id}`).send({ name: 'Selbst umbenannt' }).expect(403)).body.error.code).toBe('forbidden');
    const stranger = await signIn(t.app, (await createUser(t.db.dataSource)).email);
    await stranger.patch(`/api/organizations/${club.id}`).send({ name: 'Fremd' }).expect(404);
    const bad = await platformAdmin.patch(`/api/organizations/${club.id}`).send({ postcode: '4830', kind: 'employer' }).expect(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['', 'postcode']);
    await platformAdmin.patch('/api/organizations/00000000-0000-4000-8000-000000000000').send({ name: 'Niemand' }).expect(404);
    for (const hostile of [{ status: 'deleted' }, { name: '   ' }, { name: 'x'.repeat(201) }, { website: 'javascript:alert(1)' }, { municipality: 'Berlin' }, { name: ['Liste'] }]) {
      expect((await platformAdmin.patch(`/api/organizations/${club.id}`).send(hostile).expect(400)).body.error.code).toBe('invalid_input');
    }
    // Nothing to change changes nothing, and leaves no trace in the log.
    await platformAdmin.patch(`/api/organizations/${club.id}`).send({}).expect(200);
    const audit = await t.db.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [club.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['organization.created', 'membership.appointed']);
    expect((await platformAdmin.get(`/api/organizations/${club.id}`).expect(200)).body.name).toBe('TuS Nottuln 1919');
  });
});
