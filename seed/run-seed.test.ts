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
    expect(first.surveyResponses).toBe(SEED_SURVEY_ANSWERS);
    expect(first.demandEvents).toBe(SEED_SEARCHES);
    const before = await t.db.dataSource.query('SELECT (SELECT count(*) FROM resources) r, (SELECT count(*) FROM opening_hours) h, (SELECT count(*) FROM closures) c');
    const second = await runSeed(t.db.dataSource, hashPassword);
    expect(second).toEqual({ organizations: 0, users: 0, spaces: 0, resources: 0, surveyResponses: 0, demandEvents: 0 });
    expect(await t.db.dataSource.query('SELECT (SELECT count(*) FROM resources) r, (SELECT count(*) FROM opening_hours) h, (SELECT count(*) FROM closures) c')).toEqual(before);
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

  it('stores divisible halls as a whole with its parts', async () => {
    const rows = (await t.db.dataSource.query(
      `SELECT whole.name, count(part.id)::int AS parts FROM resources whole JOIN resources part ON part.parent_id = whole.id GROUP BY whole.id, whole.name`,
    )) as { name: string; parts: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.parts === 3)).toBe(true);
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
