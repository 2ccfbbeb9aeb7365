import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and calendar feeds. A reminder goes out only for a booking that was confirmed well
 * before its start, so the booking keeps when it was confirmed. A person's feed URL is a long
 * random token kept as it is (not hashed): the profile shows it again whenever it is needed,
 * and rotating it is how a leaked URL is shut.
 */
export class Notifications1764000007000 implements MigrationInterface {
  name = 'Notifications1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings ADD COLUMN confirmed_at timestamptz`);
    await q.query(`UPDATE bookings SET confirmed_at = CASE WHEN sequence = 0 THEN created_at ELSE updated_at END WHERE status = 'confirmed'`);
    await q.query(`CREATE INDEX bookings_confirmed_start_idx ON bookings (lower(period)) WHERE status = 'confirmed'`);
    await q.query(`ALTER TABLE users ADD COLUMN feed_token text UNIQUE CHECK (length(feed_token) >= 43)`);
    await q.query(`CREATE INDEX outbox_jobs_dead_idx ON outbox_jobs (created_at) WHERE status = 'dead'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_jobs_dead_idx`);
    await q.query(`ALTER TABLE users DROP COLUMN feed_token`);
    await q.query(`DROP INDEX bookings_confirmed_start_idx`);
    await q.query(`ALTER TABLE bookings DROP COLUMN confirmed_at`);
  }
}
