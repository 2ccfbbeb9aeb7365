import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../db/testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function expectErrorBody(body: unknown, code: string) {
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
}

describe('the JSON error model', () => {
  it('answers an unknown API route with 404 JSON', async () => {
    const res = await request(t.app).get('/api/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectErrorBody(res.body, 'not_found');
  });

  it('answers an unknown non-API route with 404 JSON, not an HTML page', async () => {
    const res = await request(t.app).post('/wp-login.php').send({}).expect(404);
    expectErrorBody(res.body, 'not_found');
  });

  it('answers a malformed JSON body with 400 JSON', async () => {
    const res = await request(t.app).post('/api/spaces').set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expectErrorBody(res.body, 'malformed_json');
    expect(JSON.stringify(res.body)).not.toMatch(/SyntaxError|at JSON\.parse|node_modules/);
  });

  it('answers a body over the limit with 413 JSON', async () => {
    const huge = JSON.stringify({ text: 'x'.repeat(200 * 1024) });
    const res = await request(t.app).post('/api/spaces').set('Content-Type', 'application/json').send(huge).expect(413);
    expectErrorBody(res.body, 'payload_too_large');
  });

  it('answers invalid query parameters with 400 and the offending field', async () => {
    const res = await request(t.app).get('/api/spaces?kind=castle').expect(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.details.issues[0].path).toBe('kind');
  });

  it('treats repeated query parameters as bad input, not a crash', async () => {
    const res = await request(t.app).get('/api/spaces?kind=coworking&kind=workshop').expect(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('gives every response a request id, reusing a safe incoming one', async () => {
    const own = await request(t.app).get('/healthz').set('X-Request-Id', 'abc-123').expect(200);
    expect(own.headers['x-request-id']).toBe('abc-123');
    const unsafe = await request(t.app).get('/healthz').set('X-Request-Id', '<script>').expect(200);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not advertise the framework', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
