import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring series: the RRULE as agreed, kept beside the bookings it produced, so a calendar
 * can show one event with its exceptions and the rest of a series can be cancelled at once.
 */
export class Series1764000004000 implements MigrationInterface {
  name = 'Series1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE booking_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id),
        resource_id uuid NOT NULL REFERENCES resources(id),
        booker_id uuid REFERENCES users(id) ON DELETE SET NULL,
        organization_id uuid REFERENCES organizations(id),
        rrule text NOT NULL CHECK (length(rrule) <= 500),
        first_start timestamptz NOT NULL,
        first_end timestamptz NOT NULL CHECK (first_end > first_start),
        exdates date[] NOT NULL DEFAULT '{}',
        purpose text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE bookings ADD COLUMN series_id uuid REFERENCES booking_series(id)`);
    await q.query(`CREATE INDEX bookings_series_idx ON bookings (series_id) WHERE series_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings DROP COLUMN series_id`);
    await q.query(`DROP TABLE booking_series`);
  }
}
