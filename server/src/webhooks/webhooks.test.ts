import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createSpace, createUser, signIn, type SpaceFixture } from '../db/testing/fixtures';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { createLogger } from '../logger';
import { deliverDue } from '../notifications/outbox';
import { webhookHandlers } from './delivery.job';
import { announceBookingPhases, purgeWebhookLog } from './phases.job';

/*
 * Webhooks end to end: registered over HTTP, caused by bookings made over HTTP, delivered by
 * the outbox to a real HTTP receiver on this machine that checks the signature exactly as
 * docs/integrations.md tells receivers to.
 */
type Agent = Awaited<ReturnType<typeof signIn>>;
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
  verified: boolean;
}

let t: TestApp;
let logged = '';
let room: SpaceFixture;
let town: string;
let club: string;
let townAdmin: Agent;
let clubAdmin: Agent;
let booker: Agent;
let receiver: http.Server;
let receiverUrl: string;
/** The secret each path of the receiver checks signatures with. */
const secrets = new Map<string, string>();
let received: (Received & { path: string })[] = [];
/** Status codes to answer with, first in first out; 204 when empty. */
let answers: number[] = [];

/** The documented check: HMAC-SHA256(secret, "<timestamp>.<raw body>") in hex, compared in constant time, timestamp fresh. */
function verifySignature(secret: string, headers: http.IncomingHttpHeaders, rawBody: string): boolean {
  const timestamp = String(headers['landraeume-timestamp']);
  const signature = String(headers['landraeume-signature']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return signature.split(',').some((part) => {
    const [version, hex] = part.trim().split('=');
    const given = Buffer.from(hex ?? '', 'hex');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged += chunk.toString();
    done();
  },
});
const db = () => t.db.dataSource;
const handlers = () => webhookHandlers({ db: db(), policy: { allowLinkLocal: false }, timeoutMs: 2_000 });
/** Runs the outbox as the worker does; `minutesAhead` moves its clock past the backoff of retries. */
const runOutbox = (minutesAhead = 0) => deliverDue(db(), handlers(), createLogger('silent'), { now: DateTime.now().plus({ minutes: minutesAhead }).toJSDate() });
const slot = (days: number, hour: number) => {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()! };
};
const hooksOf = (org: string) => `/api/organizations/${org}/webhooks`;

async function register(agent: Agent, org: string, path: string, events: string[]) {
  const res = await agent.post(hooksOf(org)).send({ url: `${receiverUrl}${path}`, description: 'Heizung Saal', events }).expect(201);
  secrets.set(path, res.body.secret);
  return res.body as { id: string; secret: string };
}

beforeAll(async () => {
  t = await createTestApp({ log: createLogger('trace', sink) });
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url!;
      received.push({ path, headers: req.headers, body, json: JSON.parse(body), verified: verifySignature(secrets.get(path) ?? '', req.headers, body) });
      res.statusCode = answers.shift() ?? 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  town = await createOrganization(db(), 'municipality', 'Gemeinde Hook');
  club = await createOrganization(db(), 'club', 'SV Hook');
  room = await createSpace(db(), town, { room: { capacity: 40 }, approval: 'required', holidaysClosed: false, name: 'Bürgerhaus Saal' });
  const [a, c, b] = await Promise.all([createUser(db()), createUser(db()), createUser(db(), { name: 'Berta Bucher', email: 'berta.bucher@example.org' })]);
  await addMember(db(), a!.id, town, 'admin');
  await addMember(db(), c!.id, club, 'admin');
  await addMember(db(), b!.id, club, 'member');
  [townAdmin, clubAdmin, booker] = (await Promise.all([a!, c!, b!].map((u) => signIn(t.app, u.email)))) as [Agent, Agent, Agent];
});
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await t?.close();
});
beforeEach(async () => {
  received = [];
  answers = [];
  // Each test listens with its own endpoints only.
  await db().query(`UPDATE webhook_endpoints SET active = false`);
});

describe('organisation webhooks', () => {
  it('shows the secret once, and never again in lists, delivery logs or logs', async () => {
    const hook = await register(townAdmin, town, '/once', ['booking.created']);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await townAdmin.get(hooksOf(town)).expect(200);
    expect(list.body.items.find((w: { id: string }) => w.id === hook.id)).toMatchObject({ url: `${receiverUrl}/once`, events: ['booking.created'], active: true });
    expect(JSON.stringify(list.body)).not.toContain(hook.secret);
    await townAdmin.post(`${hooksOf(town)}/${hook.id}/test`).expect(202);
    await runOutbox();
    expect(received).toHaveLength(1);
    expect(received[0]!.verified).toBe(true);
    expect(received[0]!.json).toMatchObject({ type: 'ping', data: { webhookId: hook.id } });
    const log = await townAdmin.get(`${hooksOf(town)}/${hook.id}/deliveries`).expect(200);
    expect(log.body.items[0]).toMatchObject({ event: 'ping', status: 'delivered', attempts: 1, lastStatusCode: 204 });
    expect(JSON.stringify(log.body)).not.toContain(hook.secret);
    expect(logged).not.toContain(hook.secret);
    expect(logged).not.toContain(hook.secret.slice(6));
  });

  it('rotates the secret: deliveries are signed with the new one, the old one no longer verifies', async () => {
    const hook = await register(townAdmin, town, '/rotate', ['booking.created']);
    const rotated = await townAdmin.post(`${hooksOf(town)}/${hook.id}/rotate-secret`).expect(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    expect(rotated.body.secretRotatedAt).not.toBeNull();
    await townAdmin.post(`${hooksOf(town)}/${hook.id}/test`).expect(202);
    await runOutbox();
    expect(received[0]!.verified).toBe(false);
    expect(verifySignature(rotated.body.secret, received[0]!.headers, received[0]!.body)).toBe(true);
    expect(logged).not.toContain(rotated.body.secret);
    await townAdmin.delete(`${hooksOf(town)}/${hook.id}`).expect(204);
  });

  it('tells the owning municipality and the club of created, confirmed and cancelled, without personal data', async () => {
    const townHook = await register(townAdmin, town, '/town', ['booking.created', 'booking.confirmed', 'booking.cancelled']);
    const clubHook = await register(clubAdmin, club, '/club', ['booking.confirmed', 'booking.cancelled']);
    const booking = (await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(9, 10), organizationId: club, purpose: 'Vorstandssitzung Berta' }).expect(201)).body;
    await townAdmin.post(`/api/bookings/${booking.id}/approve`).expect(200);
    await booker.post(`/api/bookings/${booking.id}/cancel`).send({}).expect(200);
    await runOutbox();
    const byPath = (path: string) => received.filter((r) => r.path === path).map((r) => r.json.type).sort();
    expect(byPath('/town')).toEqual(['booking.cancelled', 'booking.confirmed', 'booking.created']);
    expect(byPath('/club')).toEqual(['booking.cancelled', 'booking.confirmed']);
    expect(received.every((r) => r.verified)).toBe(true);
    const confirmed = received.find((r) => r.path === '/town' && r.json.type === 'booking.confirmed')!;
    expect(confirmed.headers['landraeume-webhook-id']).toBe(confirmed.json.id);
    expect(confirmed.headers['landraeume-event']).toBe('booking.confirmed');
    expect(confirmed.json.data).toEqual({
      bookingId: booking.id,
      status: 'confirmed',
      start: DateTime.fromISO(booking.start).setZone('Europe/Berlin').toISO(),
      end: DateTime.fromISO(booking.end).setZone('Europe/Berlin').toISO(),
      space: { id: room.id, name: 'Bürgerhaus Saal' },
      resource: { id: room.resourceIds[0], name: 'Raum' },
    });
    expect(String(confirmed.json.data.start)).toMatch(/[+-]0[12]:00$/);
    for (const r of received) expect(r.body).not.toMatch(/Berta|berta\.bucher|Vorstandssitzung/);
    const clubLog = (await clubAdmin.get(`${hooksOf(club)}/${clubHook.id}/deliveries`).expect(200)).body.items;
    expect(clubLog.map((d: { event: string; status: string }) => `${d.event}:${d.status}`).sort()).toEqual(['booking.cancelled:delivered', 'booking.confirmed:delivered']);
    expect((await townAdmin.get(`${hooksOf(town)}/${townHook.id}/deliveries`).expect(200)).body.items).toHaveLength(3);
  });

  it('retries a receiver that answered 500, and keeps both attempts in the delivery log', async () => {
    const hook = await register(townAdmin, town, '/flaky', ['booking.created']);
    answers = [500];
    const booking = (await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(10, 10) }).expect(201)).body;
    await runOutbox();
    expect(received).toHaveLength(1);
    let log = (await townAdmin.get(`${hooksOf(town)}/${hook.id}/deliveries`).expect(200)).body.items;
    expect(log[0]).toMatchObject({ event: 'booking.created', status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'receiver answered 500', deliveredAt: null });
    expect(Date.parse(log[0].nextRetryAt)).toBeGreaterThan(Date.now());
    await runOutbox();
    expect(received).toHaveLength(1);
    await runOutbox(2);
    expect(received).toHaveLength(2);
    expect(received.map((r) => r.json.id)).toEqual([received[0]!.json.id, received[0]!.json.id]);
    expect(received.every((r) => r.verified && r.json.data.bookingId === booking.id)).toBe(true);
    log = (await townAdmin.get(`${hooksOf(town)}/${hook.id}/deliveries`).expect(200)).body.items;
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204, lastError: null, nextRetryAt: null });
    expect(log[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 204]);

    await townAdmin.post(`${hooksOf(town)}/${hook.id}/deliveries/${log[0].id}/redeliver`).expect(202);
    await runOutbox();
    expect(received).toHaveLength(3);
    expect(received[2]!.json.id).toBe(received[0]!.json.id);
    await townAdmin.patch(`${hooksOf(town)}/${hook.id}`).send({ active: false }).expect(200);
  });

  it('announces started and ended once per booking, however often and by how many workers the sweep runs', async () => {
    const hook = await register(townAdmin, town, '/phases', ['booking.started', 'booking.ended']);
    const booking = (await booker.post('/api/bookings').send({ spaceId: room.id, ...slot(11, 10) }).expect(201)).body;
    await townAdmin.post(`/api/bookings/${booking.id}/approve`).expect(200);
    const during = DateTime.fromISO(booking.start).plus({ minutes: 30 }).toJSDate();
    const after = DateTime.fromISO(booking.end).plus({ minutes: 1 }).toJSDate();
    expect(await announceBookingPhases(db(), DateTime.fromISO(booking.start).minus({ minutes: 1 }).toJSDate())).toBe(0);
    const [first, second] = await Promise.all([announceBookingPhases(db(), during), announceBookingPhases(db(), during)]);
    expect(first + second).toBe(1);
    expect(await announceBookingPhases(db(), during)).toBe(0);
    expect(await announceBookingPhases(db(), after)).toBe(1);
    expect(await announceBookingPhases(db(), after)).toBe(0);
    await runOutbox();
    expect(received.map((r) => r.json.type)).toEqual(['booking.started', 'booking.ended']);
    expect(received.every((r) => r.verified && r.json.data.bookingId === booking.id)).toBe(true);
    // After 30 days the log forgets the deliveries; the booking is long past its sweep window by then.
    expect(await purgeWebhookLog(db(), DateTime.now().plus({ days: 29 }).toJSDate())).toBe(0);
    expect(await purgeWebhookLog(db(), DateTime.now().plus({ days: 31 }).toJSDate())).toBeGreaterThanOrEqual(2);
    expect((await townAdmin.get(`${hooksOf(town)}/${hook.id}/deliveries`).expect(200)).body.items).toEqual([]);
    await townAdmin.delete(`${hooksOf(town)}/${hook.id}`).expect(204);
  });

  it('refuses link-local, metadata and plain-http internet targets, and URLs with credentials', async () => {
    const refused = async (url: string, reason: string) => {
      const res = await townAdmin.post(hooksOf(town)).send({ url, events: ['booking.created'] }).expect(422);
      expect(res.body.error).toMatchObject({ code: 'webhook_url_refused', details: { reason } });
    };
    await refused('http://169.254.169.254/latest/meta-data/', 'address_forbidden');
    await refused('https://169.254.10.1/hook', 'address_forbidden');
    await refused('https://[fe80::1]/hook', 'address_forbidden');
    await refused('https://[::ffff:169.254.169.254]/hook', 'address_forbidden');
    await refused('https://0.0.0.0/hook', 'address_forbidden');
    await refused('http://8.8.8.8/hook', 'https_required');
    await refused('https://heizung:geheim@127.0.0.1/hook', 'credentials_in_url');
    await refused('https://no-such-host.invalid/hook', 'unresolvable');
    const hook = (await townAdmin.post(hooksOf(town)).send({ url: 'http://localhost:9/hook', events: ['booking.created'] }).expect(201)).body;
    const res = await townAdmin.patch(`${hooksOf(town)}/${hook.id}`).send({ url: 'http://169.254.169.254/' }).expect(422);
    expect(res.body.error.code).toBe('webhook_url_refused');
    // Checked again when sending: an address that got past registration is still not contacted.
    await db().query(`UPDATE webhook_endpoints SET url = 'http://169.254.169.254/latest/meta-data/', active = true WHERE id = $1`, [hook.id]);
    await townAdmin.post(`${hooksOf(town)}/${hook.id}/test`).expect(202);
    await runOutbox();
    const [attempt] = (await townAdmin.get(`${hooksOf(town)}/${hook.id}/deliveries`).expect(200)).body.items;
    expect(attempt).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'webhook target refused: address_forbidden' });
    await townAdmin.delete(`${hooksOf(town)}/${hook.id}`).expect(204);
  });

  it('refuses malformed input with 400, never 500', async () => {
    const bad = [
      { url: 'ftp://127.0.0.1/hook', events: ['booking.created'] },
      { url: 'http://127.0.0.1/hook', events: [] },
      { url: 'http://127.0.0.1/hook', events: ['booking.exploded'] },
      { url: `http://127.0.0.1/${'x'.repeat(600)}`, events: ['booking.created'] },
      { url: 'http://127.0.0.1/hook', events: ['booking.created'], secret: 'mine' },
      { url: 'nicht einmal eine URL', events: ['booking.created'] },
    ];
    for (const body of bad) expect((await townAdmin.post(hooksOf(town)).send(body).expect(400)).body.error.code).toBe('invalid_input');
    await townAdmin.get(`${hooksOf(town)}/not-a-uuid/deliveries`).expect(400);
    await townAdmin.post(`${hooksOf(town)}/00000000-0000-4000-8000-000000000000/deliveries/00000000-0000-4000-8000-000000000000/redeliver`).expect(404);
  });

  it('keeps other organizations and members out with 404', async () => {
    const hook = await register(townAdmin, town, '/private', ['booking.created']);
    const member = await createUser(db());
    await addMember(db(), member.id, town, 'member');
    const townMember = await signIn(t.app, member.email);
    for (const agent of [clubAdmin, townMember]) {
      await agent.get(hooksOf(town)).expect(404);
      await agent.post(hooksOf(town)).send({ url: `${receiverUrl}/x`, events: ['booking.created'] }).expect(404);
      await agent.patch(`${hooksOf(town)}/${hook.id}`).send({ active: false }).expect(404);
      await agent.post(`${hooksOf(town)}/${hook.id}/rotate-secret`).expect(404);
      await agent.get(`${hooksOf(town)}/${hook.id}/deliveries`).expect(404);
      await agent.delete(`${hooksOf(town)}/${hook.id}`).expect(404);
    }
    // An endpoint of the town is not reachable under the club's id either.
    await clubAdmin.get(`${hooksOf(club)}/${hook.id}/deliveries`).expect(404);
    await clubAdmin.delete(`${hooksOf(club)}/${hook.id}`).expect(404);
    expect((await townAdmin.get(hooksOf(town)).expect(200)).body.items.some((w: { id: string }) => w.id === hook.id)).toBe(true);
  });
});
