import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from './db/testing/test-app';
import { addMember, createOrganization, createUser } from './db/testing/fixtures';
import { sessionCookie } from './db/testing/personas';

/*
 * Hostile input against every route in the registry: garbage bodies, queries and path
 * parameters, sent by a platform admin (so the door is open and parsing is what gets tested).
 * Whatever arrives, the answer is never a 5xx, always the JSON error model, and a refused
 * request writes nothing.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const HOSTILE_STRINGS = [
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '2026-02-30',
  '2026-03-29T02:30:00+01:00',
  '\u0000\u0007\u001b[31m',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ Ümlaut',
  '../../etc/passwd',
  '%00',
  '-1',
  '1e309',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(2_000),
];
/** URLs stay under Node's 16 KiB header limit; longer ones never reach the app (see server.test). */
const nastyInUrl = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom(...HOSTILE_STRINGS));
const nasty = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(...HOSTILE_STRINGS, 'x'.repeat(20_000)),
);
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('email', 'password', 'name', 'token', 'role', 'kind', 'locale', 'homeLocation', 'firstAdminEmail', 'spaceId', 'resourceId', 'start', 'end', 'date', 'attendees', 'purpose', 'organizationId', 'reason', 'rrule', 'exdates', 'onConflict', 'from', 'contractId', 'employerId', 'validFrom', 'validTo', 'spaceIds', 'providerIds', 'daysPerEmployee', 'pool', 'price', 'status', 'lat', 'lon', 'shareCommute', 'applicantType', 'organization', 'rooms', 'contact', 'message', 'setupMinutes', 'cleanupMinutes', '__proto__', 'constructor'), fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }))),
  fc.constant(JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200)) as unknown),
);

async function rowCounts(): Promise<Record<string, number>> {
  const tables = (await t.db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sessions', 'rate_limits')`)) as { tablename: string }[];
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) counts[tablename] = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM "${tablename}"`))[0].n;
  return counts;
}

function expectErrorModel(res: request.Response, what: string) {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers['content-type'], what).toMatch(/application\/json/);
    expect(res.body, what).toEqual({ error: { code: expect.any(String), message: expect.any(String), ...(res.body.error?.details ? { details: expect.anything() } : {}) } });
    expect(JSON.stringify(res.body), what).not.toMatch(/at .*\.ts:\d+|node_modules|SELECT |INSERT |syntax error at/);
  }
}

async function adminCookie(): Promise<string> {
  const admin = await createUser(t.db.dataSource);
  await addMember(t.db.dataSource, admin.id, await createOrganization(t.db.dataSource, 'platform'), 'admin');
  await addMember(t.db.dataSource, (await createUser(t.db.dataSource)).id, (await t.db.dataSource.query(`SELECT organization_id FROM memberships WHERE user_id = $1`, [admin.id]))[0].organization_id, 'admin');
  return sessionCookie(t.db.dataSource, admin.id, TEST_SESSION_SECRET);
}

describe('hostile input on every route', () => {
  it('never answers 5xx, always the JSON error model, and writes nothing when it refuses', async () => {
    for (const route of t.routes) {
      const cookie = await adminCookie();
      await fc.assert(
        fc.asyncProperty(hostileJson, fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('month', 'format', 'from', 'to')), nastyInUrl, { maxKeys: 3 }), nastyInUrl, async (body, query, param) => {
          const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(param));
          const before = await rowCounts();
          const res = await request(t.app)[route.method](path).query(query).set('Cookie', cookie).set('Content-Type', 'application/json').send(JSON.stringify(body));
          const what = `${route.method.toUpperCase()} ${path.slice(0, 200)} ${JSON.stringify(body)?.slice(0, 200)}`;
          expectErrorModel(res, what);
          if (res.status >= 400) expect(await rowCounts(), what).toEqual(before);
        }),
        { numRuns: 25 },
      );
    }
  }, 240_000);

  it('refuses wrong content types and oversized bodies on every state-changing route', async () => {
    const cookie = await adminCookie();
    for (const route of t.routes.filter((r) => r.method !== 'get')) {
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const xml = await request(t.app)[route.method](path).set('Cookie', cookie).set('Content-Type', 'application/xml').send('<a/>');
      expect(xml.status, path).toBe(415);
      expectErrorModel(xml, path);
      const huge = await request(t.app)[route.method](path).set('Cookie', cookie).set('Content-Type', 'application/json').send(JSON.stringify({ x: 'y'.repeat(300_000) }));
      expect(huge.status, path).toBe(413);
      const broken = await request(t.app)[route.method](path).set('Cookie', cookie).set('Content-Type', 'application/json').send('{"email": "a@b.c",');
      expect(broken.status, path).toBe(400);
      expectErrorModel(broken, path);
    }
  });
});
