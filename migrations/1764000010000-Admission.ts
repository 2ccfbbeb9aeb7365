import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider admission and set-up/clean-up buffers.
 *
 * Organizations get an admission state: only an admitted organization may publish spaces.
 * Everything that exists already (municipalities, seeded and platform-created providers) is
 * admitted, which is also the column default for organizations the platform team or the seed
 * creates; only a self-service application starts as `pending`. Suspension keeps using the
 * existing `status` column, now with its reason and moment.
 *
 * Buffers widen a booking's claims to [start − setup, end + clean-up), so the exclusion
 * constraint keeps the gap between two bookings; the booking's own period stays as asked.
 */
export class Admission1764000010000 implements MigrationInterface {
  name = 'Admission1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations ADD COLUMN admission text NOT NULL DEFAULT 'admitted' CHECK (admission IN ('pending', 'admitted', 'declined'))`);
    await q.query(`ALTER TABLE organizations ADD COLUMN suspension_reason text CHECK (length(suspension_reason) <= 1000), ADD COLUMN suspended_at timestamptz`);
    await q.query(`
      CREATE TABLE provider_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        applicant_id uuid REFERENCES users(id) ON DELETE SET NULL,
        applicant_type text NOT NULL CHECK (applicant_type IN ('club', 'parish', 'company', 'other')),
        municipality text NOT NULL,
        rooms jsonb NOT NULL,
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        contact_phone text NOT NULL,
        message text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'admitted', 'declined')),
        decision_reason text,
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'declined') = (decision_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX provider_applications_inbox_idx ON provider_applications (municipality, status, created_at)`);
    await q.query(`CREATE INDEX provider_applications_applicant_idx ON provider_applications (applicant_id)`);
    await q.query(`
      ALTER TABLE spaces
        ADD COLUMN setup_minutes integer NOT NULL DEFAULT 0 CHECK (setup_minutes BETWEEN 0 AND 1440),
        ADD COLUMN cleanup_minutes integer NOT NULL DEFAULT 0 CHECK (cleanup_minutes BETWEEN 0 AND 1440)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE spaces DROP COLUMN cleanup_minutes, DROP COLUMN setup_minutes`);
    await q.query(`DROP TABLE IF EXISTS provider_applications`);
    await q.query(`ALTER TABLE organizations DROP COLUMN suspended_at, DROP COLUMN suspension_reason, DROP COLUMN admission`);
  }
}
