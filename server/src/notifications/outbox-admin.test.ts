import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, signIn } from '../db/testing/fixtures';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../db/testing/test-app';
import { createApp } from '../app';
import { sessionCookie } from '../db/testing/personas';
import { silentLogger } from '../db/testing/test-database';
import { createMailer } from './mailer';

type Agent = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let platform: Agent;
let paula: Agent;
let paulaEmail: string;
let platformId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.dataSource;
  const admin = await createUser(db);
  await addMember(db, admin.id, await createOrganization(db, 'platform'), 'admin');
  platformId = admin.id;
  platform = await signIn(t.app, admin.email);
  paulaEmail = (await createUser(db, { name: 'Paula Post' })).email;
  paula = await signIn(t.app, paulaEmail);
});
afterAll(async () => {
  await t?.close();
});

describe('dead jobs for the platform team', () => {
  it('lists dead jobs with their last error and gives one a second chance', async () => {
    const db = t.db.dataSource;
    const [dead] = await db.query(`INSERT INTO outbox_jobs (kind, key, status, attempts, last_error) VALUES ('booking.mail', 'x:dead', 'dead', 8, 'connect ECONNREFUSED 10.0.0.5:25') RETURNING id`);
    await db.query(`INSERT INTO outbox_jobs (kind, key) VALUES ('booking.mail', 'x:pending')`);
    const { body } = await platform.get('/api/admin/jobs').expect(200);
    expect(body.items).toEqual([expect.objectContaining({ id: String(dead.id), key: 'x:dead', status: 'dead', attempts: 8, lastError: 'connect ECONNREFUSED 10.0.0.5:25' })]);
    expect((await platform.get('/api/admin/jobs?status=pending').expect(200)).body.items.map((j: { key: string }) => j.key)).toEqual(['x:pending']);

    const retried = await platform.post(`/api/admin/jobs/${dead.id}/retry`).send({}).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    const again = await platform.post(`/api/admin/jobs/${dead.id}/retry`).send({}).expect(409);
    expect(again.body.error.code).toBe('invalid_transition');
    await platform.post('/api/admin/jobs/999999999/retry').send({}).expect(404);
    await paula.get('/api/admin/jobs').expect(403);
  });
});

describe('development mailbox', () => {
  it('shows each person the mails written to them, and the platform team all of them', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'noreply@example.org', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL });
    await mailer.send({ to: paulaEmail, subject: 'Buchung bestätigt: Coworking', text: 'Ihre Buchung ist bestätigt.', html: '<p>Ihre Buchung ist bestätigt.</p>', attachments: [{ filename: 'termin.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' }] });
    await mailer.send({ to: 'someone.else@example.org', subject: 'Passwort zurücksetzen', text: 'geheimer Link', html: '<p>geheimer Link</p>' });

    const mine = (await paula.get('/api/dev/mails').expect(200)).body.items;
    expect(mine).toEqual([expect.objectContaining({ to: paulaEmail, subject: 'Buchung bestätigt: Coworking' })]);
    const mail = (await paula.get(`/api/dev/mails/${mine[0].id}`).expect(200)).body;
    expect(mail.text).toContain('Ihre Buchung ist bestätigt.');
    expect(mail.attachments).toEqual([{ filename: 'termin.ics', contentType: 'text/calendar' }]);

    const all = (await platform.get('/api/dev/mails').expect(200)).body.items;
    expect(all.map((m: { subject: string }) => m.subject)).toEqual(['Passwort zurücksetzen', 'Buchung bestätigt: Coworking']);
    const foreign = all.find((m: { to: string }) => m.to === 'someone.else@example.org');
    await paula.get(`/api/dev/mails/${foreign.id}`).expect(404);
    await paula.get('/api/dev/mails/..%2F..%2Fsession-secret').expect(400);
  });

  it('is not there when a real mail server is configured', async () => {
    const secret = 'another-test-secret-long-enough-for-the-checks';
    const withSmtp = createApp({
      config: { publicUrl: TEST_PUBLIC_URL, sessionSecret: secret, dataDir: t.dataDir, smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'noreply@example.org' },
      dataSource: t.db.dataSource,
      log: silentLogger,
    });
    try {
      const res = await request(withSmtp.app).get('/api/dev/mails').set('Cookie', await sessionCookie(t.db.dataSource, platformId, secret)).expect(404);
      expect(res.body.error.code).toBe('not_found');
    } finally {
      await withSmtp.close();
    }
  });
});
