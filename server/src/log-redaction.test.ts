import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { lockJobHandlers } from './access/lock-jobs';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, mailTo, tokenFromMail, type TestUser } from './db/testing/fixtures';
import { deliverDue } from './notifications/outbox';
import { createTestApp, type TestApp } from './db/testing/test-app';
import { createLogger } from './logger';

/*
 * Everything the app logs at the most verbose level, while secrets go past: a sign-in, a
 * password reset and requests with cookies. The log must follow a request (id, user) and must
 * not contain a password, a token or a session id, in whatever field it might end up.
 */
let t: TestApp;
let user: TestUser;
let logged = '';
let log: ReturnType<typeof createLogger>;
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged += chunk.toString();
    done();
  },
});

beforeAll(async () => {
  log = createLogger('trace', sink);
  t = await createTestApp({ log });
  user = await createUser(t.db.dataSource, { email: 'geheim@example.org' });
});
afterAll(async () => {
  await t.close();
});

const lines = () => logged.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown> & { req?: { id: string; url: string } });

describe('logs', () => {
  it('carry request id and user id but never passwords, tokens or session ids', async () => {
    const secrets: string[] = [];
    const login = await request(t.app).post('/api/auth/login').set('X-Request-Id', 'trace-me-1').send({ email: user.email, password: 'Kirschbaum-Allee-42' }).expect(200);
    secrets.push('Kirschbaum-Allee-42');
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    const sessionId = decodeURIComponent(cookie.split('=')[1]!).replace(/^s:/, '').split('.')[0]!;
    secrets.push(cookie.split('=')[1]!, sessionId);

    await request(t.app).get('/api/auth/me').set('Cookie', cookie).set('X-Request-Id', 'trace-me-2').expect(200);
    await request(t.app).post('/api/auth/login').send({ email: user.email, password: 'Falsches-Passwort-77' }).expect(401);
    secrets.push('Falsches-Passwort-77');

    await request(t.app).post('/api/auth/password-reset/request').send({ email: user.email }).expect(204);
    const token = tokenFromMail(await mailTo(t, user.email), '/passwort-zuruecksetzen');
    await request(t.app).post('/api/auth/password-reset').set('Cookie', cookie).send({ token, password: 'Neues-Passwort-Heide-9' }).expect(204);
    secrets.push(token, 'Neues-Passwort-Heide-9');
    // A token in a query string, as a careless client might send it, is not logged either.
    await request(t.app).get(`/api/spaces?token=${token}`).set('Authorization', `Bearer ${token}`);

    // A door code and a lock system's secret: shown to the booker, sent to the lock, never logged,
    // not even when the lock system fails and the outbox logs the failure.
    const db = t.db.dataSource;
    const again = await request(t.app).post('/api/auth/login').send({ email: user.email, password: 'Neues-Passwort-Heide-9' }).expect(200);
    const fresh = again.headers['set-cookie']![0]!.split(';')[0]!;
    secrets.push(fresh.split('=')[1]!);
    const town = await createOrganization(db, 'municipality');
    await addMember(db, user.id, town, 'admin');
    const space = await createSpace(db, town, { room: { capacity: 30 } });
    const lockSecret = 'Tuerschloss-Geheimnis-Darfeld-77';
    await request(t.app).patch(`/api/spaces/${space.id}`).set('Cookie', fresh).send({ accessMode: 'keypad', lockAdapter: 'webhook', lockUrl: 'http://127.0.0.1:9/schloss', lockSecret }).expect(200);
    const start = DateTime.now().plus({ minutes: 20 });
    const booking = await createBookingClaims(db, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()!, bookerId: user.id });
    const access = await request(t.app).get(`/api/bookings/${booking}/access`).set('Cookie', fresh).expect(200);
    expect(access.body.code.value).toMatch(/^[0-9]{6}$/);
    expect(await deliverDue(db, lockJobHandlers({ db }), log)).toBe(0);
    expect(logged).toContain('outbox job failed');
    secrets.push(access.body.code.value, lockSecret);

    const entries = lines();
    expect(entries.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(logged, `a secret reached the log: ${secret.slice(0, 6)}…`).not.toContain(secret);
    expect(logged).not.toMatch(/argon2id|password_hash|passwordHash/);

    const me = entries.find((e) => e.req?.id === 'trace-me-2');
    expect(me).toMatchObject({ userId: user.id, req: { id: 'trace-me-2', url: '/api/auth/me' } });
    expect(entries.find((e) => e.req?.id === 'trace-me-1')).toBeDefined();
  });
});
