import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from './db/testing/fixtures';
import { sessionCookie } from './db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from './db/testing/test-app';
import { buildOpenApi } from './openapi/openapi';

/*
 * Hostile input driven by the API document: for every operation, a plausible request is built
 * from its schemas, then each field in turn is removed, given the wrong type, made huge, negative
 * or absurd, filled with invalid dates (Feb 30, the hour the clocks skip), control characters, SQL
 * or markup, and extra fields are added. Sent by a platform admin, so the door is open and the
 * parsing is what gets tested: never a 5xx, always the JSON error model, nothing written when
 * refused. (hostile-input.test.ts adds random JSON and fixed field names on top.)
 */

type Schema = { type?: string | string[]; format?: string; enum?: unknown[]; const?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; minimum?: number; pattern?: string };
interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await createUser(t.db.dataSource);
  await addMember(t.db.dataSource, admin.id, await createOrganization(t.db.dataSource, 'platform'), 'admin');
  cookie = await sessionCookie(t.db.dataSource, admin.id, TEST_SESSION_SECRET);
});
afterAll(async () => {
  await t?.close();
});

const firstOf = (schema: Schema): Schema => schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema;
const typeOf = (schema: Schema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

/** A value the schema would plausibly accept, so that one mutation at a time is what gets refused. */
function plausible(schema: Schema): unknown {
  const s = firstOf(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'email') return `hostile-${randomUUID().slice(0, 8)}@example.org`;
      if (s.format === 'date-time') return '2027-01-05T10:00:00+01:00';
      if (s.format === 'date') return '2027-01-05';
      return 'Probe';
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).filter(([name]) => (s.required ?? []).includes(name)).map(([name, p]) => [name, plausible(p)]));
    default:
      return null;
  }
}

const NASTY: unknown[] = [
  null, 0, -1, -2147483649, 1e308, 3.7, true, [], {}, [[[[[]]]]], 'x'.repeat(5_000), '',
  '2026-02-30', '2026-03-29T02:30:00', '2026-03-29T02:30:00+01:00', '2026-13-01T00:00:00Z', '24:00', '99:99',
  "'; DROP TABLE bookings; --", '<img src=x onerror=alert(1)>', '\u0000\u0008\u001b[2J', '\u202e\ufeff𝔘', '../../etc/passwd', '00000000-0000-0000-0000-000000000000',
];

function* mutations(base: Record<string, unknown>, schema: Schema): Generator<unknown> {
  const properties = Object.keys(firstOf(schema).properties ?? {});
  for (const name of properties) {
    const { [name]: _removed, ...without } = base;
    yield without;
    for (const value of NASTY) yield { ...base, [name]: value };
  }
  yield { ...base, unexpected: 'field' };
  yield JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(base).slice(1)}`.replace(/, }$/, '}'));
  yield [base];
  yield 'just a string';
}

/** Rows per table, but for what any request may write (sessions, rate counters, the anonymous demand log). */
async function rowCounts(): Promise<string> {
  const tables = (await t.db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sessions', 'rate_limits', 'demand_events') ORDER BY tablename`)) as { tablename: string }[];
  const counts: string[] = [];
  for (const { tablename } of tables) counts.push(`${tablename}=${(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM "${tablename}"`))[0].n}`);
  return counts.join(',');
}

function expectErrorModel(res: request.Response, what: string) {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers['content-type'], what).toMatch(/application\/json/);
    expect(Object.keys(res.body), what).toEqual(['error']);
    expect(typeof res.body.error.code, what).toBe('string');
    expect(JSON.stringify(res.body), what).not.toMatch(/at .*\.ts:\d+|node_modules|SELECT |INSERT |syntax error at/);
  }
}

describe('hostile input from the API document', () => {
  it('survives every field of every request body and query mutated, one at a time', async () => {
    const doc = buildOpenApi(t.routes, { version: 'test', serverUrl: 'http://localhost' }) as { paths: Record<string, Record<string, Operation>> };
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const params = operation.parameters ?? [];
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(plausible(params.find((p) => p.name === name)?.schema ?? { type: 'string' }))));
        const querySchema: Schema = { type: 'object', properties: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema])) };
        const bodySchema = operation.requestBody?.content['application/json'].schema;
        const before = await rowCounts();
        let refusedAll = true;
        const send = async (query: unknown, body: unknown) => {
          let req = request(t.app)[method as 'get'](url).set('Cookie', cookie);
          if (query && typeof query === 'object' && !Array.isArray(query)) req = req.query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));
          const res = body === undefined ? await req : await req.set('Content-Type', 'application/json').send(JSON.stringify(body));
          const what = `${method.toUpperCase()} ${url} query=${JSON.stringify(query)?.slice(0, 120)} body=${JSON.stringify(body)?.slice(0, 160)}`;
          expectErrorModel(res, what);
          if (res.status < 400) refusedAll = false;
          sent++;
        };
        if (Object.keys(querySchema.properties!).length) {
          for (const query of mutations(plausible(querySchema) as Record<string, unknown>, querySchema)) await send(query, bodySchema ? plausible(bodySchema) : undefined);
        }
        if (bodySchema && typeOf(firstOf(bodySchema)) === 'object') {
          for (const body of mutations(plausible(bodySchema) as Record<string, unknown>, bodySchema)) await send(undefined, body);
        }
        if (refusedAll) expect(await rowCounts(), `${method.toUpperCase()} ${path} wrote although it refused`).toBe(before);
      }
    }
    expect(sent).toBeGreaterThan(1000);
  }, 300_000);
});
