import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery } from '../db/testing/pg-admin';
import { appFor, createTestApp, type TestApp } from '../db/testing/test-app';
import { createTestDatabase } from '../db/testing/test-database';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health and readiness', () => {
  it('is healthy while the process runs', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers', async () => {
    const res = await request(t.app).get('/readyz').expect(200);
    expect(res.body).toEqual({ status: 'ready', database: 'ok' });
  });

  it('is not ready, with 503 JSON, when the database is unreachable', async () => {
    const doomed = await createTestDatabase();
    const { app, close } = appFor(doomed.dataSource);
    await request(app).get('/readyz').expect(200);
    await adminQuery(inject('pgAdminUrl'), `DROP DATABASE ${doomed.name} WITH (FORCE)`);
    const res = await request(app).get('/readyz').expect(503);
    expect(res.body.error.code).toBe('service_unavailable');
    expect(res.headers['retry-after']).toBeDefined();
    const health = await request(app).get('/healthz').expect(200);
    expect(health.body.status).toBe('ok');
    await close();
    await doomed.drop();
  });
});
