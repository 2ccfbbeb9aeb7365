import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-in, no-show release and the waitlist.
 *
 * A no-show is a terminal state: its claims go inactive, so the slot is free again at once.
 * A waitlist offer is a `held` booking: it writes claims like any active booking, so the
 * exclusion constraint keeps everyone else off the slot while the offer stands, and accepting it
 * turns the same row into the booking. Each resource carries a random token for its QR code; the
 * token names the place only, never a booking or a person.
 */
export class CheckIn1764000011000 implements MigrationInterface {
  name = 'CheckIn1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings DROP CONSTRAINT bookings_status_check`);
    await q.query(`ALTER TABLE bookings ADD CONSTRAINT bookings_status_check CHECK (status IN ('pending', 'confirmed', 'rejected', 'expired', 'cancelled', 'no_show', 'held'))`);
    await q.query(`ALTER TABLE bookings ADD COLUMN checked_in_at timestamptz`);
    await q.query(`CREATE INDEX bookings_no_show_idx ON bookings (space_id, lower(period)) WHERE status = 'confirmed' AND checked_in_at IS NULL`);
    await q.query(`CREATE INDEX bookings_held_idx ON bookings (expires_at) WHERE status = 'held'`);
    await q.query(`ALTER TABLE spaces ADD COLUMN no_show_grace_minutes integer CHECK (no_show_grace_minutes BETWEEN 5 AND 24 * 60)`);
    await q.query(`ALTER TABLE contracts ADD COLUMN no_show_consumes_quota boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE resources ADD COLUMN checkin_token text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`);

    await q.query(`
      CREATE TABLE waitlist_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        resource_id uuid REFERENCES resources(id) ON DELETE CASCADE,
        period tstzrange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period)),
        auto_book boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'lapsed', 'failed', 'withdrawn')),
        booking_id uuid REFERENCES bookings(id) ON DELETE SET NULL,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX waitlist_waiting_idx ON waitlist_entries USING gist (space_id, period) WHERE status = 'waiting'`);
    await q.query(`CREATE INDEX waitlist_user_idx ON waitlist_entries (user_id, created_at)`);
    // One place in line per person and slot: a second click does not queue twice.
    await q.query(`CREATE UNIQUE INDEX waitlist_once_idx ON waitlist_entries (user_id, space_id, coalesce(resource_id, '00000000-0000-0000-0000-000000000000'::uuid), period) WHERE status IN ('waiting', 'offered')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS waitlist_entries`);
    await q.query(`ALTER TABLE resources DROP COLUMN checkin_token`);
    await q.query(`ALTER TABLE contracts DROP COLUMN no_show_consumes_quota`);
    await q.query(`ALTER TABLE spaces DROP COLUMN no_show_grace_minutes`);
    await q.query(`DROP INDEX IF EXISTS bookings_held_idx`);
    await q.query(`DROP INDEX IF EXISTS bookings_no_show_idx`);
    await q.query(`ALTER TABLE bookings DROP COLUMN checked_in_at`);
    await q.query(`DELETE FROM booking_claims WHERE booking_id IN (SELECT id FROM bookings WHERE status IN ('no_show', 'held'))`);
    await q.query(`UPDATE bookings SET status = 'cancelled' WHERE status IN ('no_show', 'held')`);
    await q.query(`ALTER TABLE bookings DROP CONSTRAINT bookings_status_check`);
    await q.query(`ALTER TABLE bookings ADD CONSTRAINT bookings_status_check CHECK (status IN ('pending', 'confirmed', 'rejected', 'expired', 'cancelled'))`);
  }
}
