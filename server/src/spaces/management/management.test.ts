import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, signIn } from '../../db/testing/fixtures';
import { buildWorld, sessionCookie, type Persona, type World } from '../../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../../db/testing/test-app';

let t: TestApp;
let town: string;
let staff: Awaited<ReturnType<typeof signIn>>;
let outsider: Awaited<ReturnType<typeof signIn>>;

const audit = async (spaceId: string) =>
  ((await t.db.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [spaceId])) as { action: string }[]).map((r) => r.action);
const openingHoursOf = async (spaceId: string) =>
  (await t.db.dataSource.query(`SELECT weekday, to_char(opens, 'HH24:MI') AS opens FROM opening_hours WHERE space_id = $1 ORDER BY weekday, opens`, [spaceId])) as { weekday: number; opens: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  town = await createOrganization(db, 'municipality', 'Gemeinde Verwaltung');
  const clerk = await createUser(db);
  await addMember(db, clerk.id, town, 'member');
  staff = await signIn(t.app, clerk.email);
  const other = await createUser(db);
  await addMember(db, other.id, await createOrganization(db, 'provider'), 'admin');
  outsider = await signIn(t.app, other.email);
});
afterAll(async () => {
  await t?.close();
});

const newSpace = () => ({ organizationId: town, kind: 'event_room', name: 'Bürgersaal Äpfelhöhe', street: 'Markt 2', postcode: '48301', municipality: 'Nottuln', capacity: 120 });

describe('managing a space', () => {
  it('goes from draft to published: create, resources, hours, publish — all audited', async () => {
    const created = await staff.post('/api/spaces').send(newSpace()).expect(201);
    expect(created.body).toMatchObject({ published: false, municipality: 'Nottuln', address: { town: 'Nottuln' }, approval: 'instant' });
    expect(created.body.slug).toMatch(/^buergersaal-aepfelhoehe-[0-9a-f]{6}$/);
    const id = created.body.id as string;
    await request(t.app).get(`/api/spaces/${id}`).expect(404);

    const refused = await staff.post(`/api/spaces/${id}/publish`).send({}).expect(422);
    expect(refused.body.error.details.missing).toEqual(['resources', 'openingHours']);

    const hall = await staff.post(`/api/spaces/${id}/resources`).send({ kind: 'room', name: 'Saal', capacity: 120, parts: [{ name: 'Saal links', capacity: 60 }, { name: 'Saal rechts', capacity: 60 }] }).expect(201);
    expect(hall.body.parts.map((p: { kind: string; parentId: string }) => [p.kind, p.parentId])).toEqual([['part', hall.body.id], ['part', hall.body.id]]);
    const hours = await staff
      .put(`/api/spaces/${id}/opening-hours`)
      .send({ intervals: [{ weekday: 6, opens: '18:00', closes: '24:00' }, { weekday: 1, opens: '14:00', closes: '22:00' }, { weekday: 1, opens: '09:00', closes: '12:30' }] })
      .expect(200);
    expect(hours.body.openingHours).toEqual([
      { weekday: 1, opens: '09:00', closes: '12:30' },
      { weekday: 1, opens: '14:00', closes: '22:00' },
      { weekday: 6, opens: '18:00', closes: '24:00' },
    ]);
    await staff.post(`/api/spaces/${id}/publish`).send({}).expect(200);
    expect((await request(t.app).get(`/api/spaces/${id}`).expect(200)).body.published).toBe(true);
    await staff.post(`/api/spaces/${id}/unpublish`).send({}).expect(200);
    await request(t.app).get(`/api/spaces/${id}`).expect(404);
    expect(await audit(id)).toEqual(['space.created', 'resource.added', 'opening_hours.set', 'space.published', 'space.unpublished']);
  });

  it('edits rules and prices, opts out of holidays, and refuses a minimum above the maximum', async () => {
    const { body } = await staff.post('/api/spaces').send(newSpace()).expect(201);
    const edited = await staff
      .patch(`/api/spaces/${body.id}`)
      .send({
        approval: 'required', pricePerHourCents: 2500, clubPricePerHourCents: 0, holidaysClosed: false, amenities: ['stage', 'kitchen', 'stage'], photos: ['https://example.org/saal.jpg'], municipality: 'Senden',
        description: 'Großer Saal\n\tmit Bühne', accessInstructions: 'Schlüssel beim Hausmeister,\nKlingel 2',
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      approval: 'required', prices: { perHourCents: 2500, clubPerHourCents: 0 }, holidaysClosed: false, holidays: [], address: { town: 'Senden' },
      amenities: ['stage', 'kitchen'], description: 'Großer Saal\n\tmit Bühne', accessInstructions: 'Schlüssel beim Hausmeister,\nKlingel 2',
    });
    expect((await request(t.app).get(`/api/spaces/${body.id}`)).body).not.toHaveProperty('accessInstructions');
    const reset = await staff.patch(`/api/spaces/${body.id}`).send({ pricePerHourCents: null, minDurationMinutes: 120 }).expect(200);
    expect(reset.body).toMatchObject({ prices: { perHourCents: null }, rules: { minDurationMinutes: 120, maxDurationMinutes: 720 } });
    for (const rules of [{ minDurationMinutes: 600, maxDurationMinutes: 120 }, { maxDurationMinutes: 60 }]) {
      const bad = await staff.patch(`/api/spaces/${body.id}`).send(rules).expect(422);
      expect(bad.body.error.code).toBe('rule_violation');
    }
    const invalid = await staff.patch(`/api/spaces/${body.id}`).send({ photos: ['http://plain.example.org/x.jpg'], slotMinutes: 20, capacity: 0 }).expect(400);
    expect(invalid.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['capacity', 'photos.0', 'slotMinutes']);
    const control = await staff.patch(`/api/spaces/${body.id}`).send({ name: 'Saal\nZwei', street: 'Markt\u00002', organizationId: town }).expect(400);
    expect(control.body.error.code).toBe('invalid_input');
    expect(control.body.error.details.issues.map((i: { path: string; key: string }) => [i.path, i.key])).toEqual(
      expect.arrayContaining([['name', 'text.control_characters'], ['street', 'text.control_characters']]),
    );
    expect(await audit(body.id)).toEqual(['space.created', 'space.updated', 'space.updated']);
  });

  it('renames and disables a desk; it stays in the history', async () => {
    const { body } = await staff.post('/api/spaces').send({ ...newSpace(), kind: 'coworking', capacity: 4 }).expect(201);
    const desk = await staff.post(`/api/spaces/${body.id}/resources`).send({ kind: 'desk', name: 'Platz 1', features: ['monitor'] }).expect(201);
    const renamed = await staff.patch(`/api/spaces/${body.id}/resources/${desk.body.id}`).send({ name: 'Fensterplatz', active: false }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Fensterplatz', active: false, features: ['monitor'] });
    const detail = await staff.get(`/api/spaces/${body.id}`).expect(200);
    expect(detail.body.resources).toEqual([expect.objectContaining({ id: desk.body.id, active: false })]);
    expect(detail.body.deskCount).toBe(0);
    const [row] = await t.db.dataSource.query(`SELECT name, active FROM resources WHERE id = $1`, [desk.body.id]);
    expect(row).toEqual({ name: 'Fensterplatz', active: false });
    await staff.patch(`/api/spaces/${body.id}/resources/${desk.body.id}`).send({ active: true }).expect(200);
    expect(await audit(body.id)).toEqual(['space.created', 'resource.added', 'resource.updated', 'resource.updated']);
    await staff.post(`/api/spaces/${body.id}/resources`).send({ kind: 'desk', name: 'Platz 2', parts: [{ name: 'x' }] }).expect(400);
    await staff.patch(`/api/spaces/${body.id}/resources/00000000-0000-4000-8000-000000000000`).send({ name: 'x' }).expect(404);
  });

  it('refuses overlapping or reversed hours and keeps the week it had', async () => {
    const { body } = await staff.post('/api/spaces').send(newSpace()).expect(201);
    const touching = [{ weekday: 2, opens: '08:00', closes: '12:00' }, { weekday: 2, opens: '12:00', closes: '14:00' }];
    await staff.put(`/api/spaces/${body.id}/opening-hours`).send({ intervals: touching }).expect(200);
    for (const intervals of [
      [{ weekday: 2, opens: '08:00', closes: '12:00' }, { weekday: 4, opens: '07:00', closes: '09:00' }, { weekday: 2, opens: '11:00', closes: '14:00' }],
      [{ weekday: 3, opens: '09:00', closes: '17:00' }, { weekday: 3, opens: '09:00', closes: '17:00' }],
      [{ weekday: 3, opens: '18:00', closes: '08:00' }],
      [{ weekday: 5, opens: '10:00', closes: '10:00' }],
    ]) {
      const res = await staff.put(`/api/spaces/${body.id}/opening-hours`).send({ intervals }).expect(422);
      expect(res.body.error.code).toBe('rule_violation');
    }
    expect(await openingHoursOf(body.id)).toEqual([{ weekday: 2, opens: '08:00' }, { weekday: 2, opens: '12:00' }]);
    expect(await audit(body.id)).toEqual(['space.created', 'opening_hours.set']);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ weekday: 1 + (i % 7), opens: '08:00', closes: '09:00' }));
    for (const intervals of [[{ weekday: 8, opens: '25:00', closes: '26:00' }], [{ weekday: 1, opens: '8:00', closes: '09:00' }], tooMany]) {
      await staff.put(`/api/spaces/${body.id}/opening-hours`).send({ intervals }).expect(400);
    }
    await staff.put(`/api/spaces/${body.id}/opening-hours`).send({ intervals: [] }).expect(200);
    expect(await openingHoursOf(body.id)).toEqual([]);
  });

  it('adds closures for the space or one resource, and removes them', async () => {
    const { body } = await staff.post('/api/spaces').send(newSpace()).expect(201);
    const room = await staff.post(`/api/spaces/${body.id}/resources`).send({ kind: 'room', name: 'Saal', capacity: 100 }).expect(201);
    const whole = await staff.post(`/api/spaces/${body.id}/closures`).send({ startsOn: '2027-07-19', endsOn: '2027-08-31', reason: 'Sommerferien' }).expect(201);
    await staff.post(`/api/spaces/${body.id}/closures`).send({ startsOn: '2027-03-01', endsOn: '2027-03-01', resourceId: room.body.id }).expect(201);
    const detail = await staff.get(`/api/spaces/${body.id}`).expect(200);
    expect(detail.body.closures.map((c: { startsOn: string; resourceId: string | null }) => [c.startsOn, c.resourceId])).toEqual([['2027-03-01', room.body.id], ['2027-07-19', null]]);
    await staff.delete(`/api/spaces/${body.id}/closures/${whole.body.id}`).expect(204);
    await staff.delete(`/api/spaces/${body.id}/closures/${whole.body.id}`).expect(404);
    for (const bad of [{ startsOn: '2027-02-30', endsOn: '2027-03-01' }, { startsOn: '2027-03-02', endsOn: '2027-03-01' }, { startsOn: '2027-01-01', endsOn: '2029-06-01' }, { startsOn: '2027-03-01', endsOn: '2027-03-01', reason: 'x'.repeat(201) }]) {
      const res = await staff.post(`/api/spaces/${body.id}/closures`).send(bad).expect(400);
      expect(res.body.error.details.issues).toHaveLength(1);
    }
    await staff.post(`/api/spaces/${body.id}/closures`).send({ startsOn: '2027-01-01', endsOn: '2029-01-01' }).expect(201);
    const foreign = await staff.post(`/api/spaces/${body.id}/closures`).send({ startsOn: '2027-03-01', endsOn: '2027-03-01', resourceId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(foreign.body.error.code).toBe('rule_violation');
    expect(await audit(body.id)).toEqual(['space.created', 'resource.added', 'closure.added', 'closure.added', 'closure.removed', 'closure.added']);
  });

  it('publishes only with a desk or room in service, parts of a disabled hall do not count', async () => {
    const { body } = await staff.post('/api/spaces').send({ ...newSpace(), kind: 'sports_hall' }).expect(201);
    const hall = await staff.post(`/api/spaces/${body.id}/resources`).send({ kind: 'room', name: 'Dreifachhalle', parts: [{ name: 'Drittel 1' }, { name: 'Drittel 2' }, { name: 'Drittel 3' }] }).expect(201);
    await staff.put(`/api/spaces/${body.id}/opening-hours`).send({ intervals: [{ weekday: 1, opens: '16:00', closes: '22:00' }] }).expect(200);
    await staff.patch(`/api/spaces/${body.id}/resources/${hall.body.id}`).send({ active: false }).expect(200);
    const refused = await staff.post(`/api/spaces/${body.id}/publish`).send({}).expect(422);
    expect(refused.body.error.details.missing).toEqual(['resources']);
    await staff.patch(`/api/spaces/${body.id}/resources/${hall.body.id}`).send({ active: true }).expect(200);
    await staff.post(`/api/spaces/${body.id}/publish`).send({}).expect(200);
    await staff.post(`/api/spaces/${body.id}/publish`).send({}).expect(200);
    expect((await audit(body.id)).filter((a) => a === 'space.published')).toHaveLength(1);
  });
});

describe('who manages spaces', () => {
  let world: World;
  const cookies = new Map<Persona, string>();
  const as = (persona: Persona, method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string) => request(t.app)[method](path).set('Cookie', cookies.get(persona)!);
  const dashboard = async (persona: Persona, org: string) =>
    ((await as(persona, 'get', `/api/organizations/${org}/spaces`).expect(200)).body.items as { id: string; published: boolean; resourceCount: number; activeResourceCount: number }[]);

  beforeAll(async () => {
    world = await buildWorld(t.db.dataSource);
    for (const persona of ['providerStaffA', 'providerAdminB', 'clubAdmin', 'platformAdmin'] as const) {
      cookies.set(persona, await sessionCookie(t.db.dataSource, world.users[persona].id, TEST_SESSION_SECRET));
    }
  });

  it('lets provider staff manage their own spaces, and keeps provider B out without revealing them', async () => {
    const space = world.spaces.providerA;
    expect(await dashboard('providerStaffA', world.orgs.providerA)).toEqual([expect.objectContaining({ id: space, published: true, resourceCount: 2, activeResourceCount: 2 })]);
    const draft = await as('providerStaffA', 'post', '/api/spaces').send({ ...newSpace(), organizationId: world.orgs.providerA, kind: 'coworking', name: 'Coworking Bahnhof' }).expect(201);
    await as('providerStaffA', 'patch', `/api/spaces/${space}/resources/${world.resources.providerADesk}`).send({ active: false }).expect(200);
    expect((await dashboard('providerStaffA', world.orgs.providerA)).map((s) => [s.id, s.published, s.resourceCount, s.activeResourceCount])).toEqual(
      expect.arrayContaining([[space, true, 2, 1], [draft.body.id, false, 0, 0]]),
    );

    const [closure] = await t.db.dataSource.query(`INSERT INTO closures (space_id, starts_on, ends_on) VALUES ($1, '2027-05-01', '2027-05-01') RETURNING id`, [space]);
    const before = await audit(space);
    const attempts: [Parameters<typeof as>[1], string, object?][] = [
      ['get', `/api/organizations/${world.orgs.providerA}/spaces`],
      ['post', '/api/spaces', { ...newSpace(), organizationId: world.orgs.providerA }],
      ['patch', `/api/spaces/${space}`, { name: 'Gekapert' }],
      ['post', `/api/spaces/${space}/unpublish`, {}],
      ['post', `/api/spaces/${draft.body.id}/publish`, {}],
      ['post', `/api/spaces/${space}/resources`, { kind: 'desk', name: 'Platz 9' }],
      ['patch', `/api/spaces/${space}/resources/${world.resources.providerADesk}`, { active: true }],
      ['put', `/api/spaces/${space}/opening-hours`, { intervals: [] }],
      ['post', `/api/spaces/${space}/closures`, { startsOn: '2027-01-04', endsOn: '2027-01-04' }],
      ['delete', `/api/spaces/${space}/closures/${closure.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as('providerAdminB', method, path).send(body);
      expect([path, res.status, res.body.error.code]).toEqual([path, 404, 'not_found']);
    }
    expect(await audit(space)).toEqual(before);
    expect(await openingHoursOf(space)).toHaveLength(7);
    expect(await t.db.dataSource.query(`SELECT 1 FROM closures WHERE id = $1`, [closure.id])).toHaveLength(1);
  });

  it('lets the platform team manage every space, but only municipalities and providers offer them', async () => {
    const created = await as('platformAdmin', 'post', '/api/spaces').send({ ...newSpace(), organizationId: world.orgs.providerB, municipality: 'Olfen' }).expect(201);
    expect(created.body).toMatchObject({ provider: { id: world.orgs.providerB }, location: { lat: 51.7086, lon: 7.3806 }, published: false });
    const placed = await as('providerAdminB', 'post', '/api/spaces').send({ ...newSpace(), organizationId: world.orgs.providerB, lat: 51.9, lon: 7.4 }).expect(201);
    expect(placed.body.location).toEqual({ lat: 51.9, lon: 7.4 });
    await as('platformAdmin', 'patch', `/api/spaces/${world.spaces.providerA}`).send({ capacity: 12 }).expect(200);
    expect((await dashboard('platformAdmin', world.orgs.providerA)).length).toBeGreaterThanOrEqual(1);

    await as('clubAdmin', 'post', '/api/spaces').send({ ...newSpace(), organizationId: world.orgs.clubA }).expect(404);
    await as('clubAdmin', 'get', `/api/organizations/${world.orgs.clubA}/spaces`).expect(404);
    const club = await as('platformAdmin', 'post', '/api/spaces').send({ ...newSpace(), organizationId: world.orgs.clubA }).expect(422);
    expect(club.body.error.code).toBe('rule_violation');

    await t.db.dataSource.query(`UPDATE organizations SET status = 'suspended' WHERE id = $1`, [world.orgs.providerB]);
    const suspended = await as('platformAdmin', 'post', '/api/spaces').send({ ...newSpace(), organizationId: world.orgs.providerB }).expect(422);
    expect(suspended.body.error.code).toBe('rule_violation');
    const hidden = await as('platformAdmin', 'post', `/api/spaces/${world.spaces.providerB}/publish`).send({}).expect(422);
    expect(hidden.body.error.details.missing).toEqual(['activeOrganization']);
  });
});

describe('reading a space for editing', () => {
  it('shows its managers a draft with its access instructions, and nobody else', async () => {
    const created = await staff.post('/api/spaces').send({ ...newSpace(), accessInstructions: 'Schlüssel im Rathaus, Zimmer 4' }).expect(201);
    const id = created.body.id as string;
    const managed = await staff.get(`/api/spaces/${id}/management`).expect(200);
    expect(managed.body).toMatchObject({ id, published: false, accessInstructions: 'Schlüssel im Rathaus, Zimmer 4', resources: [], openingHours: [] });
    await outsider.get(`/api/spaces/${id}/management`).expect(404);
    await request(t.app).get(`/api/spaces/${id}/management`).expect(401);
    await staff.get('/api/spaces/not-a-uuid/management').expect(400);
  });

  it('returns every setting the editor offers, the lock secret only as stored or not', async () => {
    const { body } = await staff.post('/api/spaces').send(newSpace()).expect(201);
    const settings = {
      accessMode: 'smart_lock', keyPlace: 'Rathaus, Bürgerbüro', keyPickupHoursBefore: 24, keyReturnHoursAfter: 12, codeLeadMinutes: 45,
      lockAdapter: 'webhook', lockUrl: 'https://schloss.example.org/codes', lockSecret: 'sechzehn-zeichen-geheim', setupMinutes: 30, cleanupMinutes: 15, noShowGraceMinutes: 20,
    };
    await staff.patch(`/api/spaces/${body.id}`).send(settings).expect(200);
    const managed = (await staff.get(`/api/spaces/${body.id}/management`).expect(200)).body;
    const { lockSecret: _secret, noShowGraceMinutes, ...stored } = settings;
    expect(managed).toMatchObject({ ...stored, lockSecretSet: true, rules: { noShowGraceMinutes } });
    expect(JSON.stringify(managed)).not.toContain(settings.lockSecret);

    await staff.patch(`/api/spaces/${body.id}`).send({ accessMode: 'key_handover', lockAdapter: null, noShowGraceMinutes: null, setupMinutes: 0 }).expect(200);
    expect((await staff.get(`/api/spaces/${body.id}/management`).expect(200)).body).toMatchObject({ accessMode: 'key_handover', lockAdapter: null, lockSecretSet: true, setupMinutes: 0, rules: { noShowGraceMinutes: null } });

    const bad = await staff.patch(`/api/spaces/${body.id}`).send({ noShowGraceMinutes: 3, setupMinutes: 1441, keyPickupHoursBefore: 'viele' }).expect(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['keyPickupHoursBefore', 'noShowGraceMinutes', 'setupMinutes']);
  });
});
