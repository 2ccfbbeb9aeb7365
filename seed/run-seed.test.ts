import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../server/src/accounts/passwords';
import { createTestApp, type TestApp } from '../server/src/db/testing/test-app';
import { DEMO_PASSWORD, DEMO_USERS } from './data/users';
import { SEED_SEARCHES, SEED_SURVEY_ANSWERS } from './demand';
import { runSeed, SEED_SPACES } from './run-seed';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('runSeed', () => {
  it('fills an empty database and changes nothing when run again', async () => {
    const first = await runSeed(t.db.dataSource, hashPassword);
    expect(first.spaces).toBe(SEED_SPACES.length);
    expect(first.users).toBe(DEMO_USERS.length);
    expect(first.resources).toBeGreaterThan(first.spaces);
    expect(first.contracts).toBe(3);
    expect(first.bookings).toBeGreaterThan(100);
    expect(first.surveyResponses).toBe(SEED_SURVEY_ANSWERS);
    expect(first.demandEvents).toBe(SEED_SEARCHES);
    const before = await t.db.dataSource.query('SELECT (SELECT count(*) FROM resources) r, (SELECT count(*) FROM opening_hours) h, (SELECT count(*) FROM closures) c, (SELECT count(*) FROM bookings) b, (SELECT count(*) FROM users) u');
    const second = await runSeed(t.db.dataSource, hashPassword);
    expect(second).toEqual({ organizations: 0, users: 0, spaces: 0, resources: 0, contracts: 0, bookings: 0, surveyResponses: 0, demandEvents: 0 });
    expect(await t.db.dataSource.query('SELECT (SELECT count(*) FROM resources) r, (SELECT count(*) FROM opening_hours) h, (SELECT count(*) FROM closures) c, (SELECT count(*) FROM bookings) b, (SELECT count(*) FROM users) u')).toEqual(before);
  });

  it('publishes every space so that the start page lists them', async () => {
    const res = await request(t.app).get('/api/spaces?pageSize=100').expect(200);
    expect(res.body.total).toBe(SEED_SPACES.length);
    const duelmen = await request(t.app).get(`/api/spaces?municipality=${encodeURIComponent('Dülmen')}&pageSize=100`).expect(200);
    expect(duelmen.body.items.length).toBeGreaterThan(0);
    for (const item of duelmen.body.items as { municipality: string }[]) expect(item.municipality).toBe('Dülmen');
  });

  it('lets every demo account sign in with the password the README names', async () => {
    for (const user of DEMO_USERS) {
      const res = await request(t.app).post('/api/auth/login').send({ email: user.email, password: DEMO_PASSWORD });
      expect(res.status, user.email).toBe(200);
    }
  });

  it('leaves one parish waiting for admission in the Dülmen demo inbox, and none in another town', async () => {
    const login = async (email: string) => {
      const agent = request.agent(t.app);
      await agent.post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
      return agent;
    };
    const inbox = await (await login('gemeinde@demo.landraeume.example')).get('/api/provider-applications').query({ status: 'pending' }).expect(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({ applicantType: 'parish', organization: { name: 'Ev. Kirchengemeinde Dülmen', municipality: 'Dülmen' } });
    const elsewhere = await (await login('verein@demo.landraeume.example')).get('/api/provider-applications').expect(200);
    expect(elsewhere.body.items).toEqual([]);
  });

  it('stores divisible halls as a whole with its parts', async () => {
    const rows = (await t.db.dataSource.query(
      `SELECT whole.name, count(part.id)::int AS parts FROM resources whole JOIN resources part ON part.parent_id = whole.id GROUP BY whole.id, whole.name`,
    )) as { name: string; parts: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.parts === 3)).toBe(true);
  });

  it('gives the pilot employers contracts with three months of past desk-days inside their quotas', async () => {
    const db = t.db.dataSource;
    const months = (await db.query(
      `SELECT to_char(lower(period) AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month, count(*)::int AS n FROM bookings WHERE contract_id IS NOT NULL GROUP BY 1 ORDER BY 1`,
    )) as { month: string; n: number }[];
    // The current month so far (nothing yet on its first days) and the two before.
    const now = DateTime.now().setZone('Europe/Berlin');
    const previous = [now.minus({ months: 2 }), now.minus({ months: 1 })].map((d) => d.toFormat('yyyy-MM'));
    expect(months.map((m) => m.month).slice(0, 2)).toEqual(previous);
    expect(months.length).toBeLessThanOrEqual(3);
    const [{ future }] = await db.query(`SELECT count(*)::int AS future FROM bookings WHERE contract_id IS NOT NULL AND upper(period) > now()`);
    expect(future).toBe(0);
    const overPerson = await db.query(
      `SELECT 1 FROM bookings b JOIN contracts c ON c.id = b.contract_id WHERE c.days_per_employee IS NOT NULL
        GROUP BY c.id, b.booker_id, date_trunc('month', lower(b.period) AT TIME ZONE 'Europe/Berlin'), c.days_per_employee HAVING count(*) > c.days_per_employee`,
    );
    expect(overPerson).toEqual([]);
    const overPool = await db.query(
      `SELECT 1 FROM bookings b JOIN contracts c ON c.id = b.contract_id WHERE c.pool_amount IS NOT NULL
        GROUP BY c.id, date_trunc('month', lower(b.period) AT TIME ZONE 'Europe/Berlin'), c.pool_unit, c.pool_amount
       HAVING (CASE WHEN c.pool_unit = 'hour' THEN sum(extract(epoch FROM upper(b.period) - lower(b.period)) / 3600) ELSE count(*) END) > c.pool_amount`,
    );
    expect(overPool).toEqual([]);

    const login = request.agent(t.app);
    await login.post('/api/auth/login').send({ email: 'arbeitgeber@demo.landraeume.example', password: DEMO_PASSWORD }).expect(200);
    const [{ id }] = await db.query(`SELECT id FROM organizations WHERE slug = 'berkeltal-software'`);
    const usage = await login.get(`/api/organizations/${id}/usage`).query({ month: previous[1] }).expect(200);
    expect(usage.body.totals.days).toBeGreaterThan(5);
    expect(usage.body.totals.commute.kmAvoided).toBeGreaterThan(0);
  });

  it('gives the reports survey answers that the survey itself would accept', async () => {
    const { checkAnswers } = await import('../server/src/demand/survey-answers');
    const { loadSurvey } = await import('../server/src/demand/survey.service');
    const { presentQuestion } = await import('../server/src/demand/survey.presenter');
    const questions = (await loadSurvey(t.db.dataSource)).questions.map(presentQuestion);
    const rows = (await t.db.dataSource.query(`SELECT answers FROM survey_responses`)) as { answers: Record<string, never> }[];
    expect(rows).toHaveLength(SEED_SURVEY_ANSWERS);
    for (const row of rows) expect(checkAnswers(questions, row.answers)).toEqual(row.answers);
    const admin = DEMO_USERS.find((u) => u.email.startsWith('admin@'))!;
    const agent = request.agent(t.app);
    await agent.post('/api/auth/login').send({ email: admin.email, password: DEMO_PASSWORD }).expect(200);
    const ranking = await agent.get('/api/reports/coworking-ranking').expect(200);
    expect(ranking.body.rows.length).toBeGreaterThan(5);
    expect(ranking.body.rows[0].unservedKmPerWeek).toBeGreaterThan(0);
  });
});
