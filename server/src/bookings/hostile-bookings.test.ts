import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createSpace, createUser, type SpaceFixture } from '../db/testing/fixtures';
import { sessionCookie } from '../db/testing/personas';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../db/testing/test-app';

/*
 * The registry-wide hostile-input test rarely hits a real space id, so the booking rules are
 * stormed here with well-formed requests carrying hostile values: impossible dates, DST gaps,
 * offsets, reversed and huge ranges, odd numbers and text. Never a 5xx, always the error model,
 * and a refused request writes nothing.
 */

let t: TestApp;
let space: SpaceFixture;
let hall: SpaceFixture;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const provider = await createOrganization(t.db.dataSource, 'provider');
  space = await createSpace(t.db.dataSource, provider, { desks: 2 });
  hall = await createSpace(t.db.dataSource, provider, { room: { capacity: 30, parts: 3 }, approval: 'required' });
  cookie = await sessionCookie(t.db.dataSource, (await createUser(t.db.dataSource)).id, TEST_SESSION_SECRET);
});
afterAll(async () => {
  await t?.close();
});

const instants = fc.constantFrom(
  '2026-02-30T10:00:00+01:00',
  '2027-03-28T02:30:00+01:00',
  '2027-03-28T02:30:00+02:00',
  '2027-10-31T02:30:00+01:00',
  '2027-10-31T02:30:00+02:00',
  '2027-01-05T10:00:00+14:00',
  '2027-01-05T10:00:00-12:00',
  '2027-01-05T10:00:00Z',
  '2027-01-05T10:07:00+01:00',
  '2027-01-05T10:00:00.5+01:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2027-01-05T24:00:00+01:00',
  '2027-01-05',
  'gestern',
  '',
);
const numbers = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, Number.MAX_SAFE_INTEGER));
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('<img src=x onerror=alert(1)>', "'); DELETE FROM bookings; --", '\u0000', 'x'.repeat(600)));

async function counts() {
  return (await t.db.dataSource.query(`SELECT (SELECT count(*) FROM bookings)::int AS b, (SELECT count(*) FROM booking_claims)::int AS c, (SELECT count(*) FROM booking_series)::int AS s`))[0];
}

describe('hostile booking requests', () => {
  it('never answer 5xx and never write on refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            spaceId: fc.constantFrom(space.id, hall.id),
            resourceId: fc.constantFrom(...space.resourceIds, ...hall.resourceIds, '00000000-0000-4000-8000-000000000000'),
            start: instants,
            end: instants,
            date: fc.constantFrom('2027-01-05', '2026-02-30', '2027-03-28', '2027-10-31', '1999-01-01'),
            attendees: numbers,
            purpose: text,
            rrule: fc.constantFrom('FREQ=WEEKLY;COUNT=2', 'FREQ=WEEKLY;COUNT=100000', 'FREQ=WEEKLY;UNTIL=99991231', 'FREQ=SECONDLY;COUNT=5', 'FREQ=WEEKLY;COUNT=2;BYDAY=XX', 'FREQ=WEEKLY;COUNT=2;INTERVAL=-1'),
            onConflict: fc.constantFrom('fail', 'skip', 'maybe'),
          },
          { requiredKeys: ['spaceId'] },
        ),
        fc.constantFrom('/api/bookings', '/api/series', '/api/series/preview'),
        async (body, path) => {
          const before = await counts();
          const res = await request(t.app).post(path).set('Cookie', cookie).send(body);
          const what = `${path} ${JSON.stringify(body)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.body.error, what).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
            expect(await counts(), what).toEqual(before);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
