import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Double opt-in for the newsletter: an address counts once its owner followed the link mailed
 * to it. The link's token is kept only as a hash, until it is used; the day of confirmation only,
 * like the day of signing up, so neither can be matched to a survey answer.
 *
 * Addresses given before had no such check: each gets one confirmation mail now, its week
 * starting today, and is deleted like any other if not confirmed (retention). The token is made
 * here as the app makes it (random, only its SHA-256 kept), from two random UUIDs' hex digits.
 */
export class NewsletterConfirmation1764000020000 implements MigrationInterface {
  name = 'NewsletterConfirmation1764000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE newsletter_signups ADD COLUMN token_hash bytea UNIQUE, ADD COLUMN confirmed_on date`);
    await q.query(`
      WITH earlier AS (SELECT id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') AS token FROM newsletter_signups),
      asked AS (
        UPDATE newsletter_signups n SET token_hash = sha256(convert_to(e.token, 'UTF8')), created_on = (now() AT TIME ZONE 'Europe/Berlin')::date
          FROM earlier e WHERE n.id = e.id)
      INSERT INTO outbox_jobs (kind, key, payload)
      SELECT 'newsletter.confirm_mail', 'newsletter.confirm_mail:' || id, jsonb_build_object('signupId', id, 'token', token) FROM earlier`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE newsletter_signups DROP COLUMN token_hash, DROP COLUMN confirmed_on`);
  }
}
