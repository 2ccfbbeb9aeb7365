import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE = `lpad(((('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))::bit(48)::bigint) % 1000000)::text, 6, '0')`;

const issueAccessCode = (grantKey: string) => `
  CREATE OR REPLACE FUNCTION issue_access_code(booking uuid) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO booking_access (booking_id, code)
    VALUES (booking, ${CODE})
    ON CONFLICT (booking_id) DO UPDATE SET code = EXCLUDED.code, updated_at = now() WHERE booking_access.code IS NULL;
    INSERT INTO outbox_jobs (kind, key, payload)
    SELECT 'access.lock', ${grantKey}, jsonb_build_object('bookingId', booking, 'action', 'grant')
      FROM bookings b JOIN spaces s ON s.id = b.space_id JOIN booking_access a ON a.booking_id = b.id
     WHERE b.id = booking AND s.lock_adapter IS NOT NULL AND a.code IS NOT NULL
    ON CONFLICT (key) DO NOTHING;
  END $$`;

/**
 * A lock grant is keyed by the moment its code was set, not only by the booking. A space that
 * stops using its lock system takes its bookings' codes back; when it takes one up again they get
 * new codes, and with one key per booking their grants were dropped as already sent. (Not by the
 * code itself: job keys are logged and shown to the platform team.) Calling the function for a
 * booking that keeps its code now also grants that code to a lock newly set up.
 */
export class LockGrantPerCode1764000019000 implements MigrationInterface {
  name = 'LockGrantPerCode1764000019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(issueAccessCode(`booking || ':access.lock:grant:' || (extract(epoch FROM a.updated_at) * 1000000)::bigint`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(issueAccessCode(`booking || ':access.lock:grant'`));
  }
}
