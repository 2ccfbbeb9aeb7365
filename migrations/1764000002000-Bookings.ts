import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings and the claims that make double booking impossible. A booking claims every leaf unit
 * it occupies (a desk, an undivided room, or each part of a divisible hall); the exclusion
 * constraint over the active claims is the single source of truth for "is this taken", so any
 * number of app servers can write side by side. Search and availability read the same claims
 * through the constraint's GiST index.
 */
export class Bookings1764000002000 implements MigrationInterface {
  name = 'Bookings1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended'))`);

    await q.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id),
        resource_id uuid NOT NULL REFERENCES resources(id),
        booker_id uuid REFERENCES users(id) ON DELETE SET NULL,
        organization_id uuid REFERENCES organizations(id),
        period tstzrange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period)),
        status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected', 'expired', 'cancelled')),
        whole_day boolean NOT NULL DEFAULT false,
        purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 500),
        attendees integer CHECK (attendees > 0),
        price_cents integer CHECK (price_cents >= 0),
        sequence integer NOT NULL DEFAULT 0,
        decision_reason text,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX bookings_space_period_idx ON bookings USING gist (space_id, period)`);
    await q.query(`CREATE INDEX bookings_booker_idx ON bookings (booker_id, lower(period))`);
    await q.query(`CREATE INDEX bookings_pending_idx ON bookings (expires_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE booking_claims (
        booking_id uuid NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES resources(id),
        period tstzrange NOT NULL,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (booking_id, unit_id),
        CONSTRAINT booking_claims_no_overlap EXCLUDE USING gist (unit_id WITH =, period WITH &&) WHERE (active)
      )`);

    // A retried POST with the same key gets the first answer back, also when that was an error;
    // `json` rather than `jsonb` keeps the answer byte for byte.
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer,
        response json,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS idempotency_keys`);
    await q.query(`DROP TABLE IF EXISTS booking_claims`);
    await q.query(`DROP TABLE IF EXISTS bookings`);
    await q.query(`ALTER TABLE organizations DROP COLUMN status`);
  }
}
