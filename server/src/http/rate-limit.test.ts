import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, createTestApp, type TestApp } from '../db/testing/test-app';
import { createUser, TEST_PASSWORD, type TestUser } from '../db/testing/fixtures';

let t: TestApp;
let user: TestUser;
const window = { durationSeconds: 600 };
beforeAll(async () => {
  t = await createTestApp({
    rateLimits: {
      loginPerIp: { points: 5, ...window },
      loginPerAccount: { points: 3, ...window },
      registerPerIp: { points: 2, ...window },
      resetPerIp: { points: 100, ...window },
      resetPerAccount: { points: 2, ...window },
    },
  });
  user = await createUser(t.db.dataSource);
});
afterAll(async () => {
  await t.close();
});

const loginFrom = (ip: string, email: string, password: string) => request(t.app).post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

describe('rate limits', () => {
  it('throttles password guessing on one account, from any number of addresses', async () => {
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) await loginFrom(ip, user.email, 'falsch-falsch-falsch').expect(401);
    const blocked = await loginFrom('10.0.0.4', user.email, TEST_PASSWORD).expect(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(600);
  });

  it('throttles one address trying many accounts', async () => {
    for (let i = 0; i < 5; i++) await loginFrom('10.1.0.1', `guess-${i}@example.org`, 'falsch-falsch-falsch').expect(401);
    await loginFrom('10.1.0.1', 'guess-5@example.org', 'falsch-falsch-falsch').expect(429);
    await loginFrom('10.1.0.2', 'guess-5@example.org', 'falsch-falsch-falsch').expect(401);
  });

  it('throttles registrations and reset mails', async () => {
    const register = (n: number) => request(t.app).post('/api/auth/register').set('X-Forwarded-For', '10.2.0.1').send({ email: `r${n}@example.org`, password: 'Sonnenblumenfeld-7', name: 'R' });
    await register(1).expect(201);
    await register(2).expect(201);
    await register(3).expect(429);
    const reset = () => request(t.app).post('/api/auth/password-reset/request').send({ email: user.email });
    await reset().expect(204);
    await reset().expect(204);
    await reset().expect(429);
  });

  it('shares the counters between app servers through PostgreSQL', async () => {
    const other = appFor(t.db.dataSource, { rateLimits: { loginPerAccount: { points: 3, ...window } } });
    const res = await request(other.app).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    expect(res.body.error.code).toBe('rate_limited');
    await other.close();
  });
});
