import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type TestUser } from '../db/testing/fixtures';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { createMailer } from '../notifications/mailer';
import { deliverDue } from '../notifications/outbox';
import { outboxHandlers } from '../worker/jobs';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let applicant: TestUser;
let applicantAgent: Agent;
let nottulnAdmin: Agent;
let duelmenAdmin: Agent;
let platformAdmin: Agent;
let nottulnMunicipality: string;
let nottulnAdminEmail: string;

const deliver = () =>
  deliverDue(t.db.dataSource, outboxHandlers({ db: t.db.dataSource, mailer: createMailer({ smtpUrl: undefined, from: 'noreply@example.org', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL }), publicUrl: TEST_PUBLIC_URL, mailFrom: 'noreply@example.org' }), silentLogger);

async function municipalityAdmin(town: string): Promise<{ agent: Agent; orgId: string; email: string }> {
  const orgId = await createOrganization(t.db.dataSource, 'municipality', `Gemeinde ${town}`);
  await t.db.dataSource.query(`UPDATE organizations SET municipality = $2, town = $2 WHERE id = $1`, [orgId, town]);
  const admin = await createUser(t.db.dataSource);
  await addMember(t.db.dataSource, admin.id, orgId, 'admin');
  return { agent: await signIn(t.app, admin.email), orgId, email: admin.email };
}

const application = (name: string, contactEmail: string, municipality = 'Nottuln') => ({
  applicantType: 'parish',
  organization: { name, municipality, street: 'Kirchplatz 1', postcode: '48301' },
  rooms: [{ name: 'Pfarrheim, großer Saal', description: '80 Plätze, Küche' }, { name: 'Gruppenraum' }],
  contact: { name: 'Petra Pfarrbüro', email: contactEmail, phone: '+49 2502 1234' },
});

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.db.dataSource, { email: 'kuesterin@example.org', name: 'Klara Küsterin' });
  applicantAgent = await signIn(t.app, applicant.email);
  const nottuln = await municipalityAdmin('Nottuln');
  nottulnAdmin = nottuln.agent;
  nottulnMunicipality = nottuln.orgId;
  nottulnAdminEmail = nottuln.email;
  duelmenAdmin = (await municipalityAdmin('Dülmen')).agent;
  const platform = await createUser(t.db.dataSource);
  await addMember(t.db.dataSource, platform.id, await createOrganization(t.db.dataSource, 'platform', 'Digitalagentur'), 'admin');
  platformAdmin = await signIn(t.app, platform.email);
});
afterAll(async () => {
  await t.close();
});

const mailsTo = async (address: string) => (await t.mails()).filter((m) => m.to === address);

describe('provider admission', () => {
  it('lets a parish apply; until its municipality admits it, its spaces cannot be published; then they can', async () => {
    const applied = await applicantAgent.post('/api/provider-applications').send(application('Pfarrei St. Martin', 'pfarrbuero@example.org')).expect(201);
    expect(applied.body).toMatchObject({ status: 'pending', applicantType: 'parish', organization: { name: 'Pfarrei St. Martin', municipality: 'Nottuln', status: 'active' }, contact: { phone: '+49 2502 1234' } });
    expect(applied.body.rooms).toEqual([{ name: 'Pfarrheim, großer Saal', description: '80 Plätze, Küche' }, { name: 'Gruppenraum', description: '' }]);
    const orgId = applied.body.organization.id as string;
    const me = await applicantAgent.get('/api/auth/me').expect(200);
    expect(me.body.memberships).toContainEqual(expect.objectContaining({ organizationId: orgId, organizationKind: 'provider', role: 'admin' }));

    await deliver();
    expect((await mailsTo(nottulnAdminEmail)).map((m) => m.subject)).toEqual(['Neue Bewerbung als Anbieter: Pfarrei St. Martin']);

    const space = await createSpace(t.db.dataSource, orgId, { room: { capacity: 80 }, published: false, municipality: 'Nottuln' });
    const refused = await applicantAgent.post(`/api/spaces/${space.id}/publish`).expect(422);
    expect(refused.body.error.code).toBe('provider_not_admitted');

    expect((await nottulnAdmin.get('/api/provider-applications').query({ status: 'pending' }).expect(200)).body.items.map((a: { id: string }) => a.id)).toContain(applied.body.id);
    expect((await duelmenAdmin.get('/api/provider-applications').expect(200)).body.items).toEqual([]);
    await duelmenAdmin.get(`/api/provider-applications/${applied.body.id}`).expect(404);
    await duelmenAdmin.post(`/api/provider-applications/${applied.body.id}/admit`).expect(404);
    expect((await applicantAgent.post(`/api/provider-applications/${applied.body.id}/admit`).expect(403)).body.error.code).toBe('forbidden');
    expect((await applicantAgent.get('/api/provider-applications').expect(200)).body.items.map((a: { id: string }) => a.id)).toEqual([applied.body.id]);

    const admitted = await nottulnAdmin.post(`/api/provider-applications/${applied.body.id}/admit`).expect(200);
    expect(admitted.body).toMatchObject({ status: 'admitted', decisionReason: null, decidedAt: expect.any(String) });
    expect((await nottulnAdmin.post(`/api/provider-applications/${applied.body.id}/admit`).expect(409)).body.error.code).toBe('invalid_transition');

    await applicantAgent.post(`/api/spaces/${space.id}/publish`).expect(200);
    const search = await request(t.app).get('/api/spaces').query({ municipality: 'Nottuln' }).expect(200);
    expect(search.body.items.map((s: { id: string }) => s.id)).toContain(space.id);

    await deliver();
    expect((await mailsTo('pfarrbuero@example.org')).map((m) => m.subject)).toEqual(['Zulassung als Anbieter: Pfarrei St. Martin']);
    expect(await mailsTo(applicant.email)).toHaveLength(1);
    const audit = await t.db.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [orgId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['provider_application.submitted', 'provider.admitted']);
    const exported = await applicantAgent.get('/api/me/export').expect(200);
    expect(exported.body.providerApplications).toContainEqual(expect.objectContaining({ id: applied.body.id, contact_phone: '+49 2502 1234', status: 'admitted' }));
  });

  it('declines with a reason the applicant is told; a reason is required', async () => {
    const applied = await applicantAgent.post('/api/provider-applications').send(application('Schützenverein Appelhülsen', 'schuetzen@example.org')).expect(201);
    const missing = await platformAdmin.post(`/api/provider-applications/${applied.body.id}/decline`).send({}).expect(400);
    expect(missing.body.error.code).toBe('invalid_input');
    const declined = await platformAdmin.post(`/api/provider-applications/${applied.body.id}/decline`).send({ reason: 'Die Räume liegen außerhalb des Kreises.' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', decisionReason: 'Die Räume liegen außerhalb des Kreises.' });
    const [org] = await t.db.dataSource.query(`SELECT admission FROM organizations WHERE id = $1`, [applied.body.organization.id]);
    expect(org.admission).toBe('declined');
    await deliver();
    await deliver();
    const mails = await mailsTo('schuetzen@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Bewerbung als Anbieter abgelehnt: Schützenverein Appelhülsen');
    expect(mails[0]!.text).toContain('Begründung: Die Räume liegen außerhalb des Kreises.');
  });

  it('refuses incomplete applications with 400 and unverified applicants', async () => {
    const bad = await applicantAgent.post('/api/provider-applications').send({ ...application('X', 'x@example.org'), rooms: [] }).expect(400);
    expect(bad.body.error.code).toBe('invalid_input');
    await applicantAgent.post('/api/provider-applications').send({ ...application('X', 'x@example.org'), contact: { name: 'X', email: 'x@example.org', phone: 'call me' } }).expect(400);
    const unverified = await signIn(t.app, (await createUser(t.db.dataSource, { verified: false })).email);
    await unverified.post('/api/provider-applications').send(application('Y', 'y@example.org')).expect(403);
  });
});

describe('suspension', () => {
  it('hides the spaces from search and public detail, keeps the bookings and tells each upcoming booker once', async () => {
    const provider = await createOrganization(t.db.dataSource, 'provider', 'Heimatverein Darup');
    await t.db.dataSource.query(`UPDATE organizations SET municipality = 'Nottuln' WHERE id = $1`, [provider]);
    const staff = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, staff.id, provider, 'admin');
    const space = await createSpace(t.db.dataSource, provider, { room: { capacity: 30 }, municipality: 'Nottuln', name: 'Alte Schule Darup' });
    const day = (days: number, hour: number) => DateTime.now().setZone('Europe/Berlin').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
    const bookers = [await createUser(t.db.dataSource, { email: 'chor@example.org' }), await createUser(t.db.dataSource, { email: 'yoga@example.org', locale: 'en' })];
    const unit = space.resourceIds[0]!;
    const at = (days: number, hour: number, bookerId: string) => createBookingClaims(t.db.dataSource, { spaceId: space.id, resourceId: unit, unitIds: [unit], start: day(days, hour).toISO()!, end: day(days, hour + 2).toISO()!, bookerId });
    const kept = [await at(3, 18, bookers[0]!.id), await at(4, 18, bookers[0]!.id), await at(5, 10, bookers[1]!.id)];
    await at(-3, 18, bookers[1]!.id);

    const inSearch = async () => (await request(t.app).get('/api/spaces').query({ municipality: 'Nottuln' }).expect(200)).body.items.map((s: { id: string }) => s.id);
    expect(await inSearch()).toContain(space.id);

    await duelmenAdmin.post(`/api/organizations/${provider}/suspend`).send({ reason: 'x' }).expect(404);
    expect((await (await signIn(t.app, staff.email)).post(`/api/organizations/${provider}/suspend`).send({ reason: 'x' }).expect(403)).body.error.code).toBe('forbidden');
    await nottulnAdmin.post(`/api/organizations/${provider}/suspend`).send({}).expect(400);
    const suspended = await nottulnAdmin.post(`/api/organizations/${provider}/suspend`).send({ reason: 'Brandschutz wird geprüft' }).expect(200);
    expect(suspended.body).toEqual({ id: provider, status: 'suspended', suspensionReason: 'Brandschutz wird geprüft', affectedBookings: 3 });
    expect((await nottulnAdmin.post(`/api/organizations/${provider}/suspend`).send({ reason: 'noch mal' }).expect(409)).body.error.code).toBe('invalid_transition');

    expect(await inSearch()).not.toContain(space.id);
    await request(t.app).get(`/api/spaces/${space.id}`).expect(404);
    await (await signIn(t.app, staff.email)).get(`/api/spaces/${space.id}`).expect(200);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE space_id = $1 AND status = 'confirmed'`, [space.id]);
    expect(n).toBe(4);

    await deliver();
    await deliver();
    expect((await mailsTo('chor@example.org')).map((m) => m.subject)).toEqual(['Hinweis zu Ihrer Buchung: Alte Schule Darup', 'Hinweis zu Ihrer Buchung: Alte Schule Darup']);
    const english = await mailsTo('yoga@example.org');
    expect(english.map((m) => m.subject)).toEqual(['About your booking: Alte Schule Darup']);
    expect(english[0]!.text).toContain('suspended');
    const jobs = await t.db.dataSource.query(`SELECT payload->>'bookingId' AS booking FROM outbox_jobs WHERE kind = 'provider.suspended_mail' ORDER BY payload->>'bookingId'`);
    expect(jobs.map((j: { booking: string }) => j.booking)).toEqual([...kept].sort());

    await nottulnAdmin.post(`/api/organizations/${provider}/reinstate`).expect(200);
    expect((await nottulnAdmin.post(`/api/organizations/${provider}/reinstate`).expect(409)).body.error.code).toBe('invalid_transition');
    expect(await inSearch()).toContain(space.id);
    await request(t.app).get(`/api/spaces/${space.id}`).expect(200);
    const audit = await t.db.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [provider]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['organization.suspended', 'organization.reinstated']);
  });

  it('leaves suspending a municipality to the platform team and refuses to suspend a provider that was never admitted', async () => {
    await nottulnAdmin.post(`/api/organizations/${nottulnMunicipality}/suspend`).send({ reason: 'x' }).expect(403);
    const pending = await applicantAgent.post('/api/provider-applications').send(application('Kolping Nottuln', 'kolping@example.org')).expect(201);
    const refused = await nottulnAdmin.post(`/api/organizations/${pending.body.organization.id}/suspend`).send({ reason: 'x' }).expect(422);
    expect(refused.body.error.code).toBe('provider_not_admitted');
  });
});
