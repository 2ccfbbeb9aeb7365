import type { DataSource, QueryRunner } from 'typeorm';
import { MUNICIPALITIES } from '../../shared/src/municipalities';

export interface Scale {
  spaces: number;
  /** Desks per coworking space; 30 % of spaces are coworking. */
  desksPerCoworking: number;
  /** A unit is booked on a day when hash % bookingModulo = 0. */
  bookingModulo: number;
}

export const QUICK_SCALE: Scale = { spaces: 500, desksPerCoworking: 28, bookingModulo: 18 };

/**
 * Fills the district with synthetic spaces, resources, hours and a year (2026) of bookings, set
 * based in SQL so that a million bookings take a minute, not an hour. Bookings never overlap:
 * each unit gets at most one a day, at an hour drawn from a hash.
 */
export async function fill(dataSource: DataSource, scale: Scale): Promise<Record<string, number>> {
  // One connection without the app's statement timeout: filling a million rows takes a while.
  const db = dataSource.createQueryRunner();
  await db.connect();
  try {
    await db.query('SET statement_timeout = 0');
    return await fillOn(db, scale);
  } finally {
    await db.release();
  }
}

async function fillOn(db: QueryRunner, scale: Scale): Promise<Record<string, number>> {
  const towns = MUNICIPALITIES.map((m) => m.name);
  await db.query(`INSERT INTO organizations (kind, name, slug) SELECT 'provider', 'Anbieter ' || i, 'anbieter-' || i FROM generate_series(1, $1) i`, [Math.ceil(scale.spaces / 50)]);
  await db.query(
    `INSERT INTO spaces (organization_id, kind, name, slug, street, postcode, town, municipality, lat, lon, capacity, amenities, published, horizon_days, slot_minutes, min_duration_minutes)
     SELECT (SELECT id FROM organizations WHERE slug = 'anbieter-' || (1 + (i - 1) / 50)),
            CASE WHEN i % 10 < 3 THEN 'coworking' ELSE (ARRAY['meeting_room', 'event_room', 'sports_hall', 'workshop'])[1 + i % 4] END,
            'Raum ' || i, 'raum-' || i, 'Hauptstraße ' || i, '48653', ($2::text[])[1 + i % 11], ($2::text[])[1 + i % 11],
            51.70 + (abs(hashtext('lat' || i)) % 35000) / 100000.0, 7.10 + (abs(hashtext('lon' || i)) % 55000) / 100000.0,
            CASE WHEN i % 10 < 3 THEN $3 ELSE 20 + i % 200 END, ARRAY['wifi'], true, 730, 30, 60
       FROM generate_series(1, $1) i`,
    [scale.spaces, towns, scale.desksPerCoworking],
  );
  await db.query(
    `INSERT INTO resources (space_id, kind, name, capacity, sort_order)
     SELECT s.id, 'desk', 'Platz ' || n, 1, n FROM spaces s CROSS JOIN generate_series(1, $1) n WHERE s.kind = 'coworking'`,
    [scale.desksPerCoworking],
  );
  await db.query(`INSERT INTO resources (space_id, kind, name, capacity, sort_order) SELECT s.id, 'room', 'Raum ' || n, s.capacity, n FROM spaces s CROSS JOIN generate_series(1, 2) n WHERE s.kind <> 'coworking'`);
  // Every tenth room space has a hall divided into thirds.
  await db.query(
    `INSERT INTO resources (space_id, parent_id, kind, name, capacity, sort_order)
     SELECT r.space_id, r.id, 'part', 'Drittel ' || n, r.capacity / 3 + 1, n
       FROM resources r JOIN spaces s ON s.id = r.space_id CROSS JOIN generate_series(1, 3) n
      WHERE r.kind = 'room' AND r.name = 'Raum 1' AND substring(s.slug FROM 6)::int % 10 = 5`,
  );
  await db.query(`INSERT INTO opening_hours (space_id, weekday, opens, closes) SELECT s.id, d, '07:00', '21:00' FROM spaces s CROSS JOIN generate_series(1, 7) d`);
  await db.query(`INSERT INTO closures (space_id, starts_on, ends_on, reason) SELECT id, '2026-08-03', '2026-08-09', 'Betriebsferien' FROM spaces WHERE substring(slug FROM 6)::int % 20 = 0`);
  await db.query(
    `WITH units AS (
       SELECT r.id, r.space_id FROM resources r WHERE NOT EXISTS (SELECT 1 FROM resources p WHERE p.parent_id = r.id)
     ), picks AS (
       SELECT u.id AS unit_id, u.space_id, d::date AS day, abs(hashtext(u.id::text || d::date)) AS h
         FROM units u CROSS JOIN generate_series('2026-01-01'::date, '2026-12-31'::date, interval '1 day') d
     ), booked AS (
       INSERT INTO bookings (space_id, resource_id, period, status, price_cents)
       SELECT space_id, unit_id,
              tstzrange((day + make_interval(hours => 7 + (h / $1) % 11)) AT TIME ZONE 'Europe/Berlin', (day + make_interval(hours => 9 + (h / $1) % 11)) AT TIME ZONE 'Europe/Berlin'),
              'confirmed', 0
         FROM picks WHERE h % $1 = 0
       RETURNING id, resource_id, period
     )
     INSERT INTO booking_claims (booking_id, unit_id, period) SELECT id, resource_id, period FROM booked`,
    [scale.bookingModulo],
  );
  await db.query('ANALYZE');
  const [counts] = (await db.query(
    `SELECT (SELECT count(*) FROM spaces)::int AS spaces, (SELECT count(*) FROM resources)::int AS resources, (SELECT count(*) FROM bookings)::int AS bookings`,
  )) as [Record<string, number>];
  return counts;
}
