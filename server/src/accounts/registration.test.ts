import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { mailTo, tokenFromMail } from '../db/testing/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const register = (body: object, language = 'de') => request(t.app).post('/api/auth/register').set('Accept-Language', language).send(body);

describe('registration', () => {
  it('explains a short password in German by default', async () => {
    const res = await register({ email: 'kurz@example.org', password: 'kurz', name: 'Anna' }).expect(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.message).toBe('Bitte prüfen Sie Ihre Eingaben.');
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: 'password', key: 'password.too_short', message: 'Das Passwort muss mindestens 10 Zeichen lang sein.' })]);
  });

  it('explains the same in English when the browser asks for English', async () => {
    const res = await register({ email: 'short@example.org', password: 'short', name: 'Anna' }, 'en-GB,en;q=0.9').expect(400);
    expect(res.body.error.message).toBe('Please check your input.');
    expect(res.body.error.details.issues[0].message).toBe('The password must be at least 10 characters long.');
  });

  it('names every wrong field at once', async () => {
    const res = await register({ email: 'not-an-email', password: 'x', name: '' }).expect(400);
    const byPath = Object.fromEntries(res.body.error.details.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
    expect(byPath).toEqual({
      email: 'Das ist keine gültige E-Mail-Adresse.',
      password: 'Das Passwort muss mindestens 10 Zeichen lang sein.',
      name: 'Bitte geben Sie Ihren Namen an.',
    });
  });

  it('rejects common passwords, whatever their case', async () => {
    for (const password of ['password123', 'QWERTZUIOP', '1234567890']) {
      const res = await register({ email: `common-${password}@example.org`, password, name: 'Anna' }).expect(400);
      expect(res.body.error.details.issues[0].key).toBe('password.common');
    }
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const res = await register({ email: 'extra@example.org', password: 'Sonnenblumenfeld-7', name: 'Anna', role: 'admin' }).expect(400);
    expect(res.body.error.details.issues[0].code).toBe('unrecognized_keys');
  });

  it('creates an unverified account, signs it in and mails a verification link', async () => {
    const agent = request.agent(t.app);
    const res = await agent.post('/api/auth/register').send({ email: 'Neu.Nutzerin@Example.org', password: 'Sonnenblumenfeld-7', name: 'Nina Neu' }).expect(201);
    expect(res.body).toMatchObject({ email: 'Neu.Nutzerin@Example.org', name: 'Nina Neu', locale: 'de', emailVerified: false, memberships: [] });
    expect(res.body.passwordHash).toBeUndefined();
    expect(res.headers['set-cookie']?.[0]).toMatch(/^lr\.sid=/);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.emailVerified).toBe(false);

    const mail = await mailTo(t, 'Neu.Nutzerin@Example.org');
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail.text).toContain('Hallo Nina Neu');
    const token = tokenFromMail(mail, '/konto/bestaetigen');
    const [stored] = await t.db.dataSource.query(`SELECT token_hash FROM user_tokens WHERE purpose = 'verify_email'`);
    expect(stored.token_hash.toString('base64url')).not.toBe(token);

    await request(t.app).post('/api/auth/verify-email').send({ token }).expect(204);
    expect((await agent.get('/api/auth/me').expect(200)).body.emailVerified).toBe(true);
    const again = await request(t.app).post('/api/auth/verify-email').send({ token }).expect(400);
    expect(again.body.error.code).toBe('invalid_token');
  });

  it('refuses a second account for the same address, in any letter case', async () => {
    await register({ email: 'doppelt@example.org', password: 'Sonnenblumenfeld-7', name: 'A' }).expect(201);
    const res = await register({ email: 'DOPPELT@example.org', password: 'Sonnenblumenfeld-8', name: 'B' }).expect(409);
    expect(res.body.error.code).toBe('email_taken');
  });

  it('refuses an expired verification link', async () => {
    await register({ email: 'spaet@example.org', password: 'Sonnenblumenfeld-7', name: 'S' }).expect(201);
    const token = tokenFromMail(await mailTo(t, 'spaet@example.org'), '/konto/bestaetigen');
    await t.db.dataSource.query(`UPDATE user_tokens SET expires_at = now() - interval '1 minute'`);
    const res = await request(t.app).post('/api/auth/verify-email').send({ token }).expect(400);
    expect(res.body.error.code).toBe('invalid_token');
  });

  it('writes mails in the chosen language', async () => {
    await register({ email: 'english@example.org', password: 'Sonnenblumenfeld-7', name: 'Emma', locale: 'en' }).expect(201);
    expect((await mailTo(t, 'english@example.org')).subject).toBe('Please confirm your e-mail address');
  });
});
