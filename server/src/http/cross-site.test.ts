import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { createUser, TEST_PASSWORD, type TestUser } from '../db/testing/fixtures';

let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  user = await createUser(t.db.dataSource);
});
afterAll(async () => {
  await t.close();
});

const login = () => request(t.app).post('/api/auth/login');

describe('cross-site request protection', () => {
  it('rejects a state-changing request a browser marks as cross-site', async () => {
    const res = await login().set('Sec-Fetch-Site', 'cross-site').send({ email: user.email, password: TEST_PASSWORD }).expect(403);
    expect(res.body.error.code).toBe('cross_site_request');
  });

  it('rejects a foreign Origin, and the opaque "null" origin', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3001', 'null']) {
      const res = await login().set('Origin', origin).send({ email: user.email, password: TEST_PASSWORD }).expect(403);
      expect(res.body.error.code).toBe('cross_site_request');
    }
  });

  it('accepts same-origin browsers and API clients without browser headers', async () => {
    await login().set('Origin', TEST_PUBLIC_URL).set('Sec-Fetch-Site', 'same-origin').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    await login().send({ email: user.email, password: TEST_PASSWORD }).expect(200);
  });

  it('refuses bodies that a plain HTML form could send', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await login().set('Content-Type', type).send(`email=${user.email}&password=${TEST_PASSWORD}`).expect(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
  });

  it('lets cross-site reads through (public search links must work)', async () => {
    await request(t.app).get('/api/spaces').set('Sec-Fetch-Site', 'cross-site').expect(200);
  });
});

describe('security headers', () => {
  it('sends a strict content security policy and friends', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
