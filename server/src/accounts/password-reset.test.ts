import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { createUser, mailTo, signIn, tokenFromMail, type TestUser } from '../db/testing/fixtures';

let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  user = await createUser(t.db.dataSource, { email: 'vergesslich@example.org' });
});
afterAll(async () => {
  await t.close();
});

const requestReset = (email: string) => request(t.app).post('/api/auth/password-reset/request').send({ email });

describe('password reset', () => {
  it('answers the same for known and unknown addresses', async () => {
    await requestReset('niemand@example.org').expect(204);
    expect(await t.mails()).toHaveLength(0);
  });

  it('mails a single-use link; the new password works, the old one and every session end', async () => {
    const laptop = await signIn(t.app, user.email);
    const phone = await signIn(t.app, user.email);
    await requestReset(user.email).expect(204);
    const mail = await mailTo(t, user.email);
    expect(mail.subject).toBe('Passwort zurücksetzen');
    const token = tokenFromMail(mail, '/passwort-zuruecksetzen');

    await request(t.app).post('/api/auth/password-reset').send({ token, password: 'Neues-Passwort-Heide-9' }).expect(204);
    await laptop.get('/api/auth/me').expect(401);
    await phone.get('/api/auth/me').expect(401);
    await request(t.app).post('/api/auth/login').send({ email: user.email, password: 'Kirschbaum-Allee-42' }).expect(401);
    await request(t.app).post('/api/auth/login').send({ email: user.email, password: 'Neues-Passwort-Heide-9' }).expect(200);

    const reuse = await request(t.app).post('/api/auth/password-reset').send({ token, password: 'Noch-ein-Passwort-10' }).expect(400);
    expect(reuse.body.error.code).toBe('invalid_token');
  });

  it('lets a link expire after an hour', async () => {
    await requestReset(user.email).expect(204);
    const token = tokenFromMail(await mailTo(t, user.email), '/passwort-zuruecksetzen');
    const [{ ttl }] = await t.db.dataSource.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM user_tokens WHERE purpose = 'reset_password' ORDER BY created_at DESC LIMIT 1`);
    expect(ttl).toBe(3600);
    await t.db.dataSource.query(`UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'reset_password'`);
    const res = await request(t.app).post('/api/auth/password-reset').send({ token, password: 'Neues-Passwort-Moor-11' }).expect(400);
    expect(res.body.error.code).toBe('invalid_token');
  });

  it('holds the new password to the same rules', async () => {
    await requestReset(user.email).expect(204);
    const token = tokenFromMail(await mailTo(t, user.email), '/passwort-zuruecksetzen');
    const short = await request(t.app).post('/api/auth/password-reset').send({ token, password: 'kurz' }).expect(400);
    expect(short.body.error.details.issues[0].key).toBe('password.too_short');
    const common = await request(t.app).post('/api/auth/password-reset').send({ token, password: 'password123' }).expect(400);
    expect(common.body.error.details.issues[0].key).toBe('password.common');
  });

  it('stores only a hash of the token', async () => {
    await requestReset(user.email).expect(204);
    const token = tokenFromMail(await mailTo(t, user.email), '/passwort-zuruecksetzen');
    const rows = await t.db.dataSource.query(`SELECT token_hash FROM user_tokens`);
    for (const row of rows) expect(row.token_hash.toString('base64url')).not.toBe(token);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });
});
