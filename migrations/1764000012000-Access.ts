import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How people get into a room nobody staffs: a key handed over by the town hall, a keypad code or
 * a smart lock. Each space says which (`access_mode`), where and when its key is fetched and
 * returned, and how long before the start a code is shown.
 *
 * `booking_access` holds per booking the access code and the key's way out and back. The code
 * follows the booking's status in the database itself (trigger below): whichever path confirms a
 * booking (instant booking, approval, series, waitlist), a keypad or smart-lock booking gets a
 * fresh random code, and whichever path ends it (cancel, reject, erasure) takes the code away. When
 * the space pushes codes to a lock system, the same trigger queues the grant or revoke in the
 * outbox, in the same transaction as the status change.
 */
export class Access1764000012000 implements MigrationInterface {
  name = 'Access1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE spaces
        ADD COLUMN access_mode text NOT NULL DEFAULT 'staffed' CHECK (access_mode IN ('staffed', 'key_handover', 'keypad', 'smart_lock')),
        ADD COLUMN key_place text NOT NULL DEFAULT '',
        ADD COLUMN key_pickup_hours_before integer NOT NULL DEFAULT 2 CHECK (key_pickup_hours_before BETWEEN 0 AND 336),
        ADD COLUMN key_return_hours_after integer NOT NULL DEFAULT 2 CHECK (key_return_hours_after BETWEEN 0 AND 336),
        ADD COLUMN code_lead_minutes integer NOT NULL DEFAULT 60 CHECK (code_lead_minutes BETWEEN 0 AND 10080),
        ADD COLUMN lock_adapter text,
        ADD COLUMN lock_url text,
        ADD COLUMN lock_secret text`);
    await q.query(`
      CREATE TABLE booking_access (
        booking_id uuid PRIMARY KEY REFERENCES bookings(id) ON DELETE CASCADE,
        code text CHECK (code ~ '^[0-9]{6}$'),
        key_out_at timestamptz,
        key_out_by uuid REFERENCES users(id) ON DELETE SET NULL,
        key_back_at timestamptz,
        key_back_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (key_back_at IS NULL OR key_out_at IS NOT NULL)
      )`);
    // The key board and the overdue sweep look for keys that are out.
    await q.query(`CREATE INDEX booking_access_keys_out ON booking_access (booking_id) WHERE key_out_at IS NOT NULL AND key_back_at IS NULL`);
    // Six digits from 48 bits of gen_random_uuid(), which PostgreSQL draws from its strong random
    // source. Also called when a space switches to a code mode, for its bookings still to come.
    await q.query(`
      CREATE FUNCTION issue_access_code(booking uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO booking_access (booking_id, code)
        VALUES (booking, lpad(((('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))::bit(48)::bigint) % 1000000)::text, 6, '0'))
        ON CONFLICT (booking_id) DO UPDATE SET code = EXCLUDED.code, updated_at = now() WHERE booking_access.code IS NULL;
        INSERT INTO outbox_jobs (kind, key, payload)
        SELECT 'access.lock', booking || ':access.lock:grant', jsonb_build_object('bookingId', booking, 'action', 'grant')
          FROM bookings b JOIN spaces s ON s.id = b.space_id WHERE b.id = booking AND s.lock_adapter IS NOT NULL
        ON CONFLICT (key) DO NOTHING;
      END $$`);
    await q.query(`
      CREATE FUNCTION booking_access_follow_status() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        space record;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
          RETURN NEW;
        END IF;
        SELECT access_mode, lock_adapter INTO space FROM spaces WHERE id = NEW.space_id;
        IF NEW.status = 'confirmed' AND space.access_mode IN ('keypad', 'smart_lock') THEN
          PERFORM issue_access_code(NEW.id);
        ELSIF TG_OP = 'UPDATE' AND OLD.status = 'confirmed' THEN
          UPDATE booking_access SET code = NULL, updated_at = now() WHERE booking_id = NEW.id AND code IS NOT NULL;
          IF FOUND AND space.lock_adapter IS NOT NULL THEN
            INSERT INTO outbox_jobs (kind, key, payload)
            VALUES ('access.lock', NEW.id || ':access.lock:revoke', jsonb_build_object('bookingId', NEW.id, 'action', 'revoke'))
            ON CONFLICT (key) DO NOTHING;
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER booking_access_follow_status AFTER INSERT OR UPDATE OF status ON bookings FOR EACH ROW EXECUTE FUNCTION booking_access_follow_status()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER booking_access_follow_status ON bookings`);
    await q.query(`DROP FUNCTION booking_access_follow_status()`);
    await q.query(`DROP FUNCTION issue_access_code(uuid)`);
    await q.query(`DROP TABLE booking_access`);
    await q.query(`ALTER TABLE spaces DROP COLUMN access_mode, DROP COLUMN key_place, DROP COLUMN key_pickup_hours_before, DROP COLUMN key_return_hours_after, DROP COLUMN code_lead_minutes, DROP COLUMN lock_adapter, DROP COLUMN lock_url, DROP COLUMN lock_secret`);
  }
}
