import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

let t: TestApp;
let admin: string;
const browserKey = () => randomBytes(18).toString('base64url');
const columns = async (table: string) =>
  ((await t.db.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [table])) as { column_name: string }[]).map((c) => c.column_name);

const answers = { home_postcode: '48301', home_place: 'nottuln-appelhuelsen', work_postcode: '48143', commute_mode: 'car', commute_km: 24, commute_days: 4, coworking_days: 2, facilities: ['wifi', 'quiet'] };

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.db.dataSource);
  await addMember(t.db.dataSource, user.id, await createOrganization(t.db.dataSource, 'platform'), 'admin');
  admin = await sessionCookie(t.db.dataSource, user.id, TEST_SESSION_SECRET);
});
afterAll(async () => {
  await t?.close();
});

describe('the commuter survey', () => {
  it('offers its live questions without an account', async () => {
    const res = await request(t.app).get('/api/survey').expect(200);
    expect(res.body.open).toBe(true);
    expect(res.body.answered).toBe(false);
    const keys = (res.body.questions as { key: string }[]).map((q) => q.key);
    expect(keys).toEqual(expect.arrayContaining(['home_postcode', 'work_postcode', 'commute_mode', 'commute_km', 'commute_days', 'mobile_work', 'coworking_days', 'facilities', 'club_room_kind', 'club_room_size', 'club_room_time']));
  });

  it('stores answers by key without personal data, and the newsletter address apart from them', async () => {
    const key = browserKey();
    await request(t.app).post('/api/survey/responses').send({ browserKey: key, answers, newsletterEmail: 'neugierig@example.org' }).expect(201);
    const responseColumns = await columns('survey_responses');
    expect(responseColumns).toEqual(['answers', 'browser_key_hash', 'id', 'submitted_on', 'survey_key']);
    expect(responseColumns.filter((c) => /mail|name|ip|user|agent/.test(c))).toEqual([]);
    const newsletterColumns = await columns('newsletter_signups');
    expect(newsletterColumns).toEqual(['confirmed_on', 'created_on', 'email', 'id', 'locale', 'token_hash']);
    const references = await t.db.dataSource.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'newsletter_signups'::regclass AND contype = 'f'`);
    expect(references).toEqual([]);

    const [stored] = await t.db.dataSource.query(`SELECT answers, browser_key_hash FROM survey_responses`);
    expect(stored.answers).toEqual(answers);
    expect(stored.browser_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.browser_key_hash).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain('neugierig');
    expect(await t.db.dataSource.query(`SELECT email FROM newsletter_signups`)).toEqual([{ email: 'neugierig@example.org' }]);
    expect((await request(t.app).get('/api/survey').query({ browserKey: key }).expect(200)).body.answered).toBe(true);
  });

  it('takes one answer per browser: a second one is a 409 survey_already_answered', async () => {
    const key = browserKey();
    await request(t.app).post('/api/survey/responses').send({ browserKey: key, answers }).expect(201);
    const again = await request(t.app).post('/api/survey/responses').send({ browserKey: key, answers: { ...answers, commute_km: 5 }, newsletterEmail: 'zweimal@example.org' }).expect(409);
    expect(again.body.error.code).toBe('survey_already_answered');
    expect(await t.db.dataSource.query(`SELECT 1 FROM newsletter_signups WHERE email = 'zweimal@example.org'`)).toEqual([]);
  });

  it('names every bad answer in words and stores nothing', async () => {
    const before = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM survey_responses`))[0].n;
    const res = await request(t.app)
      .post('/api/survey/responses')
      .set('Accept-Language', 'de')
      .send({ browserKey: browserKey(), answers: { home_postcode: '10115', commute_mode: 'rocket', commute_km: 900, facilities: ['wifi', 'wifi'], favourite_colour: 'blau' } })
      .expect(400);
    expect(res.body.error.code).toBe('invalid_input');
    const byPath = Object.fromEntries((res.body.error.details.issues as { path: string; key: string; message: string }[]).map((i) => [i.path, i.key]));
    expect(byPath).toEqual({
      'answers.home_postcode': 'postcode.unknown',
      'answers.commute_mode': 'answer.not_an_option',
      'answers.commute_km': 'answer.out_of_range',
      'answers.facilities': 'answer.not_an_option',
      'answers.favourite_colour': 'answer.unknown_question',
    });
    expect(res.body.error.details.issues[0].message).toMatch(/Kreis Coesfeld|Antwort|Zahl|Frage/);
    const missing = await request(t.app).post('/api/survey/responses').send({ browserKey: browserKey(), answers: { commute_km: 3 } }).expect(400);
    expect((missing.body.error.details.issues as { path: string; key: string }[]).map((i) => `${i.path}:${i.key}`).sort()).toEqual(['answers.commute_mode:answer.required', 'answers.home_postcode:answer.required']);
    expect((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM survey_responses`))[0].n).toBe(before);
  });

  it('refuses answers while closed, and platform admins open and close it', async () => {
    await request(t.app).patch('/api/admin/survey').set('Cookie', admin).send({ open: false }).expect(200);
    const closed = await request(t.app).post('/api/survey/responses').send({ browserKey: browserKey(), answers }).expect(409);
    expect(closed.body.error.code).toBe('survey_closed');
    expect((await request(t.app).get('/api/survey').expect(200)).body.open).toBe(false);
    await request(t.app).patch('/api/admin/survey').set('Cookie', admin).send({ open: true }).expect(200);
  });
});

describe('editing questions', () => {
  it('keeps old answers readable: keys stay, left-out options are retired, not deleted', async () => {
    const key = browserKey();
    await request(t.app).post('/api/survey/responses').send({ browserKey: key, answers: { home_postcode: '48249', commute_mode: 'carpool', mobile_work: 'partly' } }).expect(201);

    const edited = await request(t.app)
      .patch('/api/admin/survey/questions/commute_mode')
      .set('Cookie', admin)
      .send({
        label: { de: 'Womit fahren Sie zur Arbeit?', en: 'How do you travel to work?' },
        options: [
          { key: 'car', label: { de: 'Auto (allein)', en: 'Car (alone)' } },
          { key: 'train_bus', label: { de: 'Bahn oder Bus', en: 'Train or bus' } },
          { key: 'bike', label: { de: 'Fahrrad', en: 'Bicycle' } },
          { key: 'e_scooter', label: { de: 'E-Roller', en: 'E-scooter' } },
          { key: 'foot', label: { de: 'Zu Fuß', en: 'On foot' } },
          { key: 'none', label: { de: 'Ich pendle nicht', en: 'I do not commute' } },
        ],
      })
      .expect(200);
    const carpool = (edited.body.options as { key: string; label: { de: string }; retired: boolean }[]).find((o) => o.key === 'carpool');
    expect(carpool).toEqual({ key: 'carpool', label: { de: 'Fahrgemeinschaft', en: 'Car pool' }, retired: true });
    expect(edited.body.type).toBe('single_choice');

    // The stored answer is unchanged and the admin view still has the label to show it with.
    const [stored] = await t.db.dataSource.query(`SELECT answers FROM survey_responses WHERE answers->>'commute_mode' = 'carpool'`);
    expect(stored.answers).toEqual({ home_postcode: '48249', commute_mode: 'carpool', mobile_work: 'partly' });
    const view = await request(t.app).get('/api/admin/survey').set('Cookie', admin).expect(200);
    const mode = (view.body.questions as { key: string; options: { key: string; label: { de: string } }[] }[]).find((q) => q.key === 'commute_mode')!;
    expect(mode.options.find((o) => o.key === 'carpool')!.label.de).toBe('Fahrgemeinschaft');

    // Respondents no longer see or send the retired option; the new one works.
    const live = (await request(t.app).get('/api/survey').expect(200)).body.questions.find((q: { key: string }) => q.key === 'commute_mode');
    expect(live.options.map((o: { key: string }) => o.key)).not.toContain('carpool');
    expect(live.label.de).toBe('Womit fahren Sie zur Arbeit?');
    await request(t.app).post('/api/survey/responses').send({ browserKey: browserKey(), answers: { home_postcode: '48249', commute_mode: 'carpool' } }).expect(400);
    await request(t.app).post('/api/survey/responses').send({ browserKey: browserKey(), answers: { home_postcode: '48249', commute_mode: 'e_scooter' } }).expect(201);
  });

  it('adds questions with a new key only; the type cannot be edited', async () => {
    const body = { key: 'parking_cost', type: 'number', label: { de: 'Parkkosten im Monat (€)', en: 'Parking cost a month (€)' }, min: 0, max: 500 };
    const added = await request(t.app).post('/api/admin/survey/questions').set('Cookie', admin).send(body).expect(201);
    expect(added.body).toMatchObject({ key: 'parking_cost', type: 'number', retired: false, options: [] });
    expect((await request(t.app).post('/api/admin/survey/questions').set('Cookie', admin).send(body).expect(409)).body.error.code).toBe('conflict');
    await request(t.app).patch('/api/admin/survey/questions/parking_cost').set('Cookie', admin).send({ type: 'postcode' }).expect(400);
    await request(t.app).patch('/api/admin/survey/questions/parking_cost').set('Cookie', admin).send({ options: [{ key: 'a', label: { de: 'A', en: 'A' } }] }).expect(400);
    await request(t.app).patch('/api/admin/survey/questions/parking_cost').set('Cookie', admin).send({ retired: true }).expect(200);
    const live = (await request(t.app).get('/api/survey').expect(200)).body.questions.map((q: { key: string }) => q.key);
    expect(live).not.toContain('parking_cost');
  });
});
