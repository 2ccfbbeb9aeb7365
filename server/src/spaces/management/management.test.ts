import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, signIn } from '../../db/testing/fixtures';
import { createTestApp, type TestApp } from '../../db/testing/test-app';

let t: TestApp;
let town: string;
let staff: Awaited<ReturnType<typeof signIn>>;
let outsider: Awaited<ReturnType<typeof signIn>>;

const audit = async (spaceId: string) =>
  ((await t.db.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [spaceId])) as { action: string }[]).map((r) => r.action);

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
      .send({ approval: 'required', pricePerHourCents: 2500, clubPricePerHourCents: 0, holidaysClosed: false, amenities: ['stage', 'kitchen'], photos: ['https://example.org/saal.jpg'], municipality: 'Senden' })
      .expect(200);
    expect(edited.body).toMatchObject({ approval: 'required', prices: { perHourCents: 2500, clubPerHourCents: 0 }, holidaysClosed: false, holidays: [], address: { town: 'Senden' } });
    const bad = await staff.patch(`/api/spaces/${body.id}`).send({ minDurationMinutes: 600, maxDurationMinutes: 120 }).expect(422);
    expect(bad.body.error.code).toBe('rule_violation');
    const invalid = await staff.patch(`/api/spaces/${body.id}`).send({ photos: ['http://plain.example.org/x.jpg'], slotMinutes: 20, capacity: 0 }).expect(400);
    expect(invalid.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['capacity', 'photos.0', 'slotMinutes']);
  });

  it('renames and disables a desk; it stays in the history', async () => {
    const { body } = await staff.post('/api/spaces').send({ ...newSpace(), kind: 'coworking', capacity: 4 }).expect(201);
    const desk = await staff.post(`/api/spaces/${body.id}/resources`).send({ kind: 'desk', name: 'Platz 1', features: ['monitor'] }).expect(201);
    const renamed = await staff.patch(`/api/spaces/${body.id}/resources/${desk.body.id}`).send({ name: 'Fensterplatz', active: false }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Fensterplatz', active: false, features: ['monitor'] });
    const detail = await staff.get(`/api/spaces/${body.id}`).expect(200);
    expect(detail.body.resources).toEqual([expect.objectContaining({ id: desk.body.id, active: false })]);
    expect(detail.body.deskCount).toBe(0);
    await staff.post(`/api/spaces/${body.id}/resources`).send({ kind: 'desk', name: 'Platz 2', parts: [{ name: 'x' }] }).expect(400);
    await staff.patch(`/api/spaces/${body.id}/resources/00000000-0000-4000-8000-000000000000`).send({ name: 'x' }).expect(404);
  });

  it('refuses overlapping or reversed hours', async () => {
    const { body } = await staff.post('/api/spaces').send(newSpace()).expect(201);
    for (const intervals of [
      [{ weekday: 2, opens: '08:00', closes: '12:00' }, { weekday: 2, opens: '11:00', closes: '14:00' }],
      [{ weekday: 3, opens: '18:00', closes: '08:00' }],
    ]) {
      const res = await staff.put(`/api/spaces/${body.id}/opening-hours`).send({ intervals }).expect(422);
      expect(res.body.error.code).toBe('rule_violation');
    }
    await staff.put(`/api/spaces/${body.id}/opening-hours`).send({ intervals: [{ weekday: 8, opens: '25:00', closes: '26:00' }] }).expect(400);
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
    for (const bad of [{ startsOn: '2027-02-30', endsOn: '2027-03-01' }, { startsOn: '2027-03-02', endsOn: '2027-03-01' }, { startsOn: '2027-01-01', endsOn: '2031-01-01' }]) {
      await staff.post(`/api/spaces/${body.id}/closures`).send(bad).expect(400);
    }
    const foreign = await staff.post(`/api/spaces/${body.id}/closures`).send({ startsOn: '2027-03-01', endsOn: '2027-03-01', resourceId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(foreign.body.error.code).toBe('rule_violation');
  });

  it('keeps other organizations out, and clubs from offering spaces', async () => {
    const { body } = await staff.post('/api/spaces').send(newSpace()).expect(201);
    await outsider.patch(`/api/spaces/${body.id}`).send({ name: 'Gekapert' }).expect(404);
    await outsider.post(`/api/spaces/${body.id}/resources`).send({ kind: 'desk', name: 'x' }).expect(404);
    await outsider.post('/api/spaces').send(newSpace()).expect(404);
    await outsider.get(`/api/organizations/${town}/spaces`).expect(404);
    const list = await staff.get(`/api/organizations/${town}/spaces`).expect(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(1);
    const club = await createOrganization(t.db.dataSource, 'club');
    const clubAdmin = await createUser(t.db.dataSource);
    await addMember(t.db.dataSource, clubAdmin.id, club, 'admin');
    const clubAgent = await signIn(t.app, clubAdmin.email);
    await clubAgent.post('/api/spaces').send({ ...newSpace(), organizationId: club }).expect(404);
  });
});
