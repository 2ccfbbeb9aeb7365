import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { silentLogger } from '../db/testing/test-database';
import { createMailer } from '../notifications/mailer';
import { deliverDue } from '../notifications/outbox';
import { outboxHandlers } from '../worker/jobs';

// Double opt-in over HTTP against PostgreSQL: an address from the survey counts only once the
// link mailed to it was followed.
let t: TestApp;
const answers = { home_postcode: '48301', commute_mode: 'car' };
const FROM = 'noreply@landraeume.test';
const deliver = () => deliverDue(t.db.dataSource, outboxHandlers({ db: t.db.dataSource, mailer: createMailer({ smtpUrl: undefined, from: FROM, dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL }), publicUrl: TEST_PUBLIC_URL, mailFrom: FROM }), silentLogger);
const answer = (newsletterEmail: string, locale?: 'de' | 'en') =>
  request(t.app).post('/api/survey/responses').send({ browserKey: randomBytes(18).toString('base64url'), answers, newsletterEmail, ...(locale ? { locale } : {}) }).expect(201);
const signup = async (email: string) => ((await t.db.dataSource.query(`SELECT confirmed_on, token_hash IS NOT NULL AS has_token FROM newsletter_signups WHERE email = $1`, [email])) as { confirmed_on: string | null; has_token: boolean }[])[0];
const mailsTo = async (email: string) => (await t.mails()).filter((m) => m.to.includes(email));
const tokenIn = (text: string) => /\/newsletter\/bestaetigen\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
const confirm = (token: string) => request(t.app).post('/api/newsletter/confirm').send({ token });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the newsletter’s double opt-in', () => {
  it('mails a link, counts the address once it is followed, and again is no error', async () => {
    await answer('neugierig@example.org');
    expect(await signup('neugierig@example.org')).toEqual({ confirmed_on: null, has_token: true });
    await deliver();
    const [mail] = await mailsTo('neugierig@example.org');
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung zum Landräume-Newsletter');
    const token = tokenIn(mail!.text)!;
    expect(token).toHaveLength(43);
    // Only the token's hash is stored.
    expect(JSON.stringify(await t.db.dataSource.query(`SELECT * FROM newsletter_signups`))).not.toContain(token);

    expect((await confirm(token).expect(200)).body).toEqual({ confirmed: true });
    expect((await signup('neugierig@example.org'))!.confirmed_on).not.toBeNull();
    await confirm(token).expect(200);
  });

  it('mails an address only once, however often it is given, and in the language of the survey', async () => {
    await answer('einmal@example.org', 'en');
    await answer('EINMAL@example.org');
    await deliver();
    await deliver();
    const mails = await mailsTo('einmal@example.org');
    expect(mails.map((m) => m.subject)).toEqual(['Please confirm your subscription to the Landräume newsletter']);
  });

  it('refuses an unknown or expired link with invalid_token, and never answers 500 for junk', async () => {
    expect((await confirm(randomBytes(32).toString('base64url')).expect(400)).body.error.code).toBe('invalid_token');
    await answer('zu-spaet@example.org');
    await deliver();
    const token = tokenIn((await mailsTo('zu-spaet@example.org'))[0]!.text)!;
    await t.db.dataSource.query(`UPDATE newsletter_signups SET created_on = created_on - 7 WHERE email = 'zu-spaet@example.org'`);
    expect((await confirm(token).expect(400)).body.error.code).toBe('invalid_token');
    expect((await signup('zu-spaet@example.org'))!.confirmed_on).toBeNull();
    for (const body of [{}, { token: 'kurz' }, { token: 'a'.repeat(500) }, { token: 42 }, { token: 'x'.repeat(43), extra: 1 }]) {
      expect((await request(t.app).post('/api/newsletter/confirm').send(body).expect(400)).body.error.code).toBe('invalid_input');
    }
  });
});
