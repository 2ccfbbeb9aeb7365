import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, createTestApp, type TestApp } from '../db/testing/test-app';
import { createUser, TEST_PASSWORD, type TestUser } from '../db/testing/fixtures';

let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  user = await createUser(t.db.dataSource, { verified: true });
});
afterAll(async () => {
  await t.close();
});

const sessionCookie = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith('lr.sid='));
const cookieValue = (cookie: string | undefined) => cookie?.split(';')[0];

describe('sessions', () => {
  it('signs in with the right password and sets a safe cookie', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    expect(res.body.email).toBe(user.email);
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await request(t.app).post('/api/auth/login').send({ email: user.email, password: 'falsches-passwort' }).expect(401);
    const unknown = await request(t.app).post('/api/auth/login').send({ email: 'niemand@example.org', password: 'falsches-passwort' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('gives a new session id at login, so a planted one is worthless (session fixation)', async () => {
    const agent = request.agent(t.app);
    const anonymous = await agent.post('/api/auth/login').send({ email: user.email, password: 'falsches-passwort' }).expect(401);
    expect(sessionCookie(anonymous)).toBeUndefined();
    // The first login's session stands in for one an attacker planted; the second login must replace it.
    const first = await agent.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const second = await agent.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    expect(cookieValue(sessionCookie(first))).toBeDefined();
    expect(cookieValue(sessionCookie(second))).not.toBe(cookieValue(sessionCookie(first)));
    const planted = cookieValue(sessionCookie(first))!;
    await request(t.app).get('/api/auth/me').set('Cookie', planted).expect(401);
  });

  it('ends the session on the server at logout', async () => {
    const login = await request(t.app).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const cookie = cookieValue(sessionCookie(login))!;
    await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(t.app).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    const replay = await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(replay.body.error.code).toBe('unauthenticated');
  });

  it('keeps sessions in PostgreSQL, so another app server knows them', async () => {
    const login = await request(t.app).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const other = appFor(t.db.dataSource);
    const res = await request(other.app).get('/api/auth/me').set('Cookie', cookieValue(sessionCookie(login))!).expect(200);
    expect(res.body.id).toBe(user.id);
    await other.close();
  });

  it('extends the session on use, but writes the new expiry at most once a minute', async () => {
    const agent = request.agent(t.app);
    const login = await agent.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const sid = decodeURIComponent(cookieValue(sessionCookie(login))!.slice('lr.sid='.length)).slice('s:'.length).split('.')[0];
    const db = t.db.dataSource;
    const expiry = async () => ((await db.query(`SELECT expire FROM sessions WHERE sid = $1`, [sid])) as { expire: Date }[]).map((r) => r.expire.getTime());
    const shorten = () => db.query(`UPDATE sessions SET expire = now() + interval '1 day' WHERE sid = $1`, [sid]);
    const inDays = (ms: number) => (ms - Date.now()) / 86_400_000;

    await shorten();
    await agent.get('/api/auth/me').expect(200);
    const [touched] = await expiry();
    expect(inDays(touched!)).toBeGreaterThan(29);

    await shorten();
    await agent.get('/api/auth/me').expect(200);
    const [untouched] = await expiry();
    expect(inDays(untouched!)).toBeLessThan(1.01);
  });

  it('marks the cookie Secure when the public address is https', async () => {
    const secure = appFor(t.db.dataSource);
    await secure.close();
    const https = (await import('../app')).createApp({
      config: { publicUrl: 'https://landraeume.example', sessionSecret: 'x'.repeat(40), dataDir: secure.dataDir, smtpUrl: undefined, mailFrom: 'a@b.example' },
      dataSource: t.db.dataSource,
      log: (await import('../db/testing/test-database')).silentLogger,
    });
    const res = await request(https.app).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    expect(sessionCookie(res)).toMatch(/Secure/);
    await https.close();
  });

  it('leaves reads without the session cookie sessionless, and still knows a reader who has one', async () => {
    const countSessions = async () => ((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM sessions`)) as [{ n: number }])[0].n;
    const before = await countSessions();
    const anonymous = await request(t.app).get('/api/auth/me').set('Cookie', 'theme=dark').expect(401);
    expect(sessionCookie(anonymous)).toBeUndefined();
    expect(await countSessions()).toBe(before);

    const agent = request.agent(t.app);
    await agent.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    expect((await agent.get('/api/auth/me').expect(200)).body.email).toBe(user.email);
    expect((await agent.head('/api/auth/me').expect(200)).status).toBe(200);
  });

  it('reads the person with the session on every request, so a new membership or an erasure counts at once', async () => {
    const person = await createUser(t.db.dataSource, { verified: true });
    const agent = request.agent(t.app);
    await agent.post('/api/auth/login').send({ email: person.email, password: TEST_PASSWORD }).expect(200);
    expect((await agent.get('/api/auth/me').expect(200)).body.memberships).toEqual([]);

    const [org] = (await t.db.dataSource.query(`INSERT INTO organizations (kind, name, slug) VALUES ('club', 'Sitzungsverein', 'sitzungsverein') RETURNING id`)) as [{ id: string }];
    await t.db.dataSource.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'admin')`, [person.id, org.id]);
    const parallel = await Promise.all([agent.get('/api/auth/me').expect(200), agent.get('/api/auth/me').expect(200), agent.get('/api/auth/me').expect(200)]);
    for (const res of parallel) expect(res.body.memberships).toMatchObject([{ organizationId: org.id, role: 'admin' }]);

    await t.db.dataSource.query(`UPDATE users SET deleted_at = now() WHERE id = $1`, [person.id]);
    await agent.get('/api/auth/me').expect(401);
  });
});
