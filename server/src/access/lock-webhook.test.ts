import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { verify } from '../http/hmac';
import { deliverDue } from '../notifications/outbox';
import { lockJobHandlers } from './lock-jobs';

type Agent = Awaited<ReturnType<typeof signIn>>;
const SECRET = 'schluessel-geheimnis-holtwick-2026';
let t: TestApp;
let space: SpaceFixture;
let staff: Agent;
let bookerId: string;
let receiver: Server;
let url: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
/** What the receiver answers next; once they are used up it answers 204. */
const answers: number[] = [];

const jobs = async () => (await t.db.dataSource.query(`SELECT key, status, attempts, last_error, run_at FROM outbox_jobs WHERE kind = 'access.lock' ORDER BY id`)) as { key: string; status: string; attempts: number; last_error: string | null; run_at: Date }[];
const deliver = (now?: Date) => deliverDue(t.db.dataSource, lockJobHandlers({ db: t.db.dataSource }), silentLogger, now ? { now } : {});

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/lock`;
  t = await createTestApp();
  const db = t.db.dataSource;
  const town = await createOrganization(db, 'municipality');
  space = await createSpace(db, town, { room: { capacity: 40 }, holidaysClosed: false });
  const member = await createUser(db);
  await addMember(db, member.id, town, 'member');
  staff = await signIn(t.app, member.email);
  bookerId = (await createUser(db)).id;
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('pushing codes to a lock system', () => {
  it('is set up through the space management API; the secret is write-only and half a setup is refused', async () => {
    const half = await staff.patch(`/api/spaces/${space.id}`).send({ accessMode: 'smart_lock', lockAdapter: 'webhook', lockUrl: url }).expect(422);
    expect(half.body.error.details).toEqual({ missing: ['lockSecret'] });
    await staff.patch(`/api/spaces/${space.id}`).send({ lockAdapter: 'webhook', lockUrl: 'ftp://schloss.example/x', lockSecret: SECRET }).expect(400);
    await staff.patch(`/api/spaces/${space.id}`).send({ lockSecret: 'kurz' }).expect(400);

    const saved = await staff.patch(`/api/spaces/${space.id}`).send({ accessMode: 'smart_lock', codeLeadMinutes: 30, lockAdapter: 'webhook', lockUrl: url, lockSecret: SECRET }).expect(200);
    expect(saved.body).toMatchObject({ accessMode: 'smart_lock', codeLeadMinutes: 30, lockAdapter: 'webhook', lockUrl: url, lockSecretSet: true });
    expect(JSON.stringify(saved.body)).not.toContain(SECRET);
    const audit = await t.db.dataSource.query(`SELECT data FROM audit_events WHERE subject_id = $1`, [space.id]);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    // The public page says how one gets in, nothing about the lock system.
    const publicDetail = await staff.get(`/api/spaces/${space.id}`).expect(200);
    expect(publicDetail.body.accessMode).toBe('smart_lock');
    expect(JSON.stringify(publicDetail.body)).not.toMatch(/lockUrl|lockAdapter|lockSecret|127\.0\.0\.1|schluessel-geheimnis/);
  });

  it('signs each grant with HMAC-SHA256 over "timestamp.body", retries after a 500, and revokes on cancellation', async () => {
    const start = DateTime.now().plus({ days: 2 }).startOf('hour');
    const id = await createBookingClaims(t.db.dataSource, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()!, bookerId });
    const [{ code }] = await t.db.dataSource.query(`SELECT code FROM booking_access WHERE booking_id = $1`, [id]);
    const grantKey = expect.stringMatching(new RegExp(`^${id}:access\\.lock:grant:[0-9]+$`));
    expect((await jobs()).map((j) => j.key)).toEqual([grantKey]);
    // Job keys are logged and shown to the platform team: never the code in them.
    expect(JSON.stringify(await jobs())).not.toContain(code);

    answers.push(500);
    expect(await deliver()).toBe(0);
    const [failed] = await jobs();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: 'lock system answered 500' });
    expect(received).toHaveLength(1);

    // The retry is due a minute later (backoff); running the outbox then delivers it.
    expect(await deliver(new Date(failed!.run_at.getTime() + 1000))).toBe(1);
    expect((await jobs())[0]).toMatchObject({ status: 'done', attempts: 2 });
    expect(received).toHaveLength(2);

    const grant = received[1]!;
    const timestamp = grant.headers['landraeume-timestamp'] as string;
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${grant.body}`).digest('hex');
    expect(grant.headers['landraeume-signature']).toBe(`v1=${expected}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(verify(SECRET, grant.headers['landraeume-signature'] as string, timestamp, grant.body)).toBe(true);
    expect(verify('ein-anderes-geheimnis-0000', grant.headers['landraeume-signature'] as string, timestamp, grant.body)).toBe(false);
    expect(verify(SECRET, grant.headers['landraeume-signature'] as string, timestamp, grant.body.replace(code, '000000'))).toBe(false);
    expect(grant.headers['content-type']).toBe('application/json');
    expect(JSON.parse(grant.body)).toEqual({
      event: 'access.granted', bookingId: id, spaceId: space.id, code,
      validFrom: start.minus({ minutes: 30 }).toUTC().toISO(), validUntil: start.plus({ hours: 3 }).toUTC().toISO(),
    });

    // Whichever path ends the booking (here a plain status change), the database queues the revoke.
    await t.db.dataSource.query(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [id]);
    expect((await jobs()).map((j) => j.key)).toEqual([grantKey, `${id}:access.lock:revoke`]);
    expect(await deliver()).toBe(1);
    const revoke = received[2]!;
    expect(JSON.parse(revoke.body)).toEqual({ event: 'access.revoked', bookingId: id, spaceId: space.id });
    expect(revoke.body).not.toContain(code);
    expect(verify(SECRET, revoke.headers['landraeume-signature'] as string, revoke.headers['landraeume-timestamp'] as string, revoke.body)).toBe(true);
  });

  it('revokes what it granted when the space stops using its lock system, and takes the codes of bookings to come back', async () => {
    const start = DateTime.now().plus({ days: 3 }).startOf('hour');
    const id = await createBookingClaims(t.db.dataSource, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()!, bookerId });
    const codeOf = async () => ((await t.db.dataSource.query(`SELECT code FROM booking_access WHERE booking_id = $1`, [id])) as { code: string | null }[])[0]?.code;
    const granted = await codeOf();
    expect(granted).toMatch(/^[0-9]{6}$/);
    expect(await deliver()).toBe(1);
    const before = received.length;

    // The town takes the smart lock out and hands out keys instead.
    await staff.patch(`/api/spaces/${space.id}`).send({ accessMode: 'key_handover', lockAdapter: null, keyPlace: 'Rathaus, Pforte' }).expect(200);
    expect(await codeOf()).toBeNull();
    expect((await jobs()).filter((j) => j.key.startsWith(`${id}:access.lock:revoke`)).map((j) => j.status)).toEqual(['pending']);
    expect(await deliver()).toBe(1);
    expect(received).toHaveLength(before + 1);
    const revoke = received[before]!;
    expect(JSON.parse(revoke.body)).toEqual({ event: 'access.revoked', bookingId: id, spaceId: space.id });
    expect(verify(SECRET, revoke.headers['landraeume-signature'] as string, revoke.headers['landraeume-timestamp'] as string, revoke.body)).toBe(true);

    // Back to the lock: the booking gets a new code, granted again.
    await staff.patch(`/api/spaces/${space.id}`).send({ accessMode: 'smart_lock', lockAdapter: 'webhook' }).expect(200);
    const again = await codeOf();
    expect(again).toMatch(/^[0-9]{6}$/);
    expect(await deliver()).toBe(1);
    expect(JSON.parse(received[before + 1]!.body)).toMatchObject({ event: 'access.granted', bookingId: id, code: again });

    // A keypad without a lock system: the lock gets its revoke, the booking a code of its own.
    await staff.patch(`/api/spaces/${space.id}`).send({ accessMode: 'keypad', lockAdapter: null }).expect(200);
    expect(await deliver()).toBe(1);
    expect(JSON.parse(received[before + 2]!.body)).toMatchObject({ event: 'access.revoked', bookingId: id });
    const keypadCode = await codeOf();
    expect(keypadCode).toMatch(/^[0-9]{6}$/);
    // A lock system set up later gets the code the booking already has.
    await staff.patch(`/api/spaces/${space.id}`).send({ accessMode: 'smart_lock', lockAdapter: 'webhook' }).expect(200);
    expect(await codeOf()).toBe(keypadCode);
    expect(await deliver()).toBe(1);
    expect(JSON.parse(received[before + 3]!.body)).toMatchObject({ event: 'access.granted', bookingId: id, code: keypadCode });
    expect(received).toHaveLength(before + 4);
  });
});
