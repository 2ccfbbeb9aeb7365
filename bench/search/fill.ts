import type { DataSource, QueryRunner } from 'typeorm';
import { MUNICIPALITIES } from '../../shared/src/municipalities';

export interface Scale {
  spaces: number;
  /** Confirmed bookings over 2026; the hash threshold is set so that about this many are drawn. */
  bookings: number;
}

export const FULL_SCALE: Scale = { spaces: 5_000, bookings: 1_000_000 };
export const QUICK_SCALE: Scale = { spaces: 500, bookings: 100_000 };

const FIRST_DAY = '2026-01-01';
const DAYS = 365;

/** A deterministic "random" number in [0, 1) for label and row: the same district on every run. */
const u = (label: string, i: string) => `((abs(hashtext('${label}' || ${i})) % 1000000) / 1000000.0)`;

/**
 * The district, synthetic but shaped like Kreis Coesfeld, written set-based in SQL (a million
 * bookings in one statement, not a million round trips):
 * - spaces: 80 % within ~4 km of one of the 11 town centres, 20 % anywhere in the district's box;
 *   30 % coworking with 8–20 desks, the rest rooms (2–14 per space); sports halls divisible in thirds;
 * - opening hours every weekday (Mon–Fri 07–21, Sat/Sun 08–20), a summer closure for every 20th
 *   space, a month's closure of one room for every 50th;
 * - bookings: each bookable resource and day has a morning slot (08–13, leaf units) and an
 *   afternoon slot (14–19, desks, rooms and whole halls, whose claims cover all three parts); a
 *   slot is booked when the hash of (unit, day, slot) falls under a threshold. Morning and
 *   afternoon never meet and halls are booked whole only in the afternoon, parts only in the
 *   morning, so the exclusion constraint is never violated.
 */
export async function fill(dataSource: DataSource, scale: Scale): Promise<Record<string, number>> {
  const db = dataSource.createQueryRunner();
  await db.connect();
  try {
    await db.query('SET statement_timeout = 0');
    await db.query('SET synchronous_commit = off');
    const steps: string[] = [];
    const step = async (name: string, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      steps.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    await fillOn(db, scale, step);
    // VACUUM as autovacuum would soon after: the visibility map makes index-only scans real.
    await step('vacuum analyze', () => db.query('VACUUM ANALYZE'));
    console.log(`fill steps: ${steps.join(', ')}`);
    const [counts] = (await db.query(`
      SELECT (SELECT count(*) FROM organizations)::int AS organizations,
             (SELECT count(*) FROM spaces)::int AS spaces,
             (SELECT count(*) FILTER (WHERE kind = 'coworking') FROM spaces)::int AS "coworking spaces",
             (SELECT count(*) FROM resources)::int AS resources,
             (SELECT count(*) FILTER (WHERE kind = 'desk') FROM resources)::int AS desks,
             (SELECT count(*) FILTER (WHERE kind = 'part') FROM resources)::int AS "hall parts",
             (SELECT count(*) FROM bookings)::int AS bookings,
             (SELECT count(*) FROM booking_claims)::int AS claims`)) as [Record<string, number>];
    return counts;
  } finally {
    await db.release();
  }
}

async function fillOn(db: QueryRunner, scale: Scale, step: (name: string, work: () => Promise<unknown>) => Promise<void>): Promise<void> {
  const towns = {
    names: MUNICIPALITIES.map((m) => m.name),
    postcodes: MUNICIPALITIES.map((m) => m.postcode),
    lats: MUNICIPALITIES.map((m) => m.lat),
    lons: MUNICIPALITIES.map((m) => m.lon),
  };
  await step('district', async () => {
    const providers = Math.ceil(scale.spaces / 40);
    await db.query(
      `INSERT INTO organizations (kind, name, slug, municipality)
       SELECT 'municipality', 'Gemeinde ' || name, 'gemeinde-' || t, name FROM unnest($1::text[]) WITH ORDINALITY AS m(name, t)
       UNION ALL
       SELECT 'provider', 'Anbieter ' || i, 'anbieter-' || i, NULL FROM generate_series(1, $2) i`,
      [towns.names, providers],
    );

    await db.query(
      `INSERT INTO spaces (organization_id, kind, name, slug, description, street, postcode, town, municipality, lat, lon, capacity, amenities, published)
       SELECT (SELECT id FROM organizations WHERE slug = CASE WHEN g.kind = 'coworking' OR g.i % 3 = 0 THEN 'anbieter-' || (1 + g.i % $6) ELSE 'gemeinde-' || g.t END),
              g.kind, initcap(replace(g.kind, '_', ' ')) || ' ' || ($2::text[])[g.t] || ' ' || g.i, 'raum-' || g.i,
              'Synthetischer Raum für den Benchmark', 'Hauptstraße ' || (1 + g.i % 200), ($3::text[])[g.t], ($2::text[])[g.t], ($2::text[])[g.t],
              CASE WHEN g.spread THEN 51.70 + ${u('lat', 'g.i')} * 0.35 ELSE least(52.05, greatest(51.70, ($4::float8[])[g.t] + (${u('lat', 'g.i')} - 0.5) * 0.08)) END,
              CASE WHEN g.spread THEN 7.10 + ${u('lon', 'g.i')} * 0.55 ELSE least(7.65, greatest(7.10, ($5::float8[])[g.t] + (${u('lon', 'g.i')} - 0.5) * 0.12)) END,
              CASE WHEN g.kind = 'coworking' THEN 8 + abs(hashtext('desks' || g.i)) % 13 ELSE 10 + abs(hashtext('capacity' || g.i)) % 190 END,
              CASE WHEN g.kind = 'coworking' THEN ARRAY['wifi', 'coffee', 'printer'] WHEN g.i % 2 = 0 THEN ARRAY['wifi', 'projector', 'step_free'] ELSE ARRAY['wifi'] END,
              true
         FROM (SELECT i, 1 + i % 11 AS t, ${u('spread', 'i')} < 0.2 AS spread,
                      CASE WHEN i % 10 < 3 THEN 'coworking' ELSE (ARRAY['meeting_room', 'event_room', 'sports_hall', 'workshop', 'other'])[1 + (i / 10) % 5] END AS kind
                 FROM generate_series(1, $1) i) g`,
      [scale.spaces, towns.names, towns.postcodes, towns.lats, towns.lons, providers],
    );

    // Desks (capacity = number of desks), rooms, and the thirds of each sports hall's first room.
    await db.query(
      `INSERT INTO resources (space_id, kind, name, capacity, sort_order)
       SELECT s.id, 'desk', 'Platz ' || n, 1, n FROM spaces s CROSS JOIN LATERAL generate_series(1, s.capacity) n WHERE s.kind = 'coworking'
       UNION ALL
       SELECT s.id, 'room', CASE WHEN s.kind = 'sports_hall' AND n = 1 THEN 'Halle' ELSE 'Raum ' || n END, 10 + abs(hashtext(s.slug || n)) % 190, n
         FROM spaces s CROSS JOIN LATERAL generate_series(1, 2 + abs(hashtext('rooms' || s.slug)) % 13) n WHERE s.kind <> 'coworking'`,
    );
    await db.query(
      `INSERT INTO resources (space_id, parent_id, kind, name, capacity, sort_order)
       SELECT r.space_id, r.id, 'part', 'Hallendrittel ' || n, r.capacity / 3 + 1, n
         FROM resources r CROSS JOIN generate_series(1, 3) n WHERE r.name = 'Halle'`,
    );

    await db.query(
      `INSERT INTO opening_hours (space_id, weekday, opens, closes)
       SELECT s.id, d, CASE WHEN d <= 5 THEN '07:00' ELSE '08:00' END::time, CASE WHEN d <= 5 THEN '21:00' ELSE '20:00' END::time
         FROM spaces s CROSS JOIN generate_series(1, 7) d`,
    );
    await db.query(
      `INSERT INTO closures (space_id, resource_id, starts_on, ends_on, reason)
       SELECT id, NULL::uuid, DATE '2026-08-03', DATE '2026-08-16', 'Sommerpause' FROM spaces WHERE substring(slug FROM 6)::int % 20 = 0
       UNION ALL
       SELECT r.space_id, r.id, DATE '2026-03-01', DATE '2026-03-31', 'Renovierung'
         FROM spaces s JOIN resources r ON r.space_id = s.id AND r.sort_order = 1 AND r.parent_id IS NULL WHERE substring(s.slug FROM 6)::int % 50 = 0`,
    );

  });

  // Bookable units numbered, so that (unit, day, slot) hashes as one integer.
  await db.query(
    `CREATE TEMP TABLE bench_units AS
     SELECT row_number() OVER (ORDER BY r.id) AS n, r.id, r.space_id, r.kind,
            EXISTS (SELECT 1 FROM resources p WHERE p.parent_id = r.id) AS has_parts
       FROM resources r`,
  );
  const [{ candidates }] = (await db.query(
    `SELECT (count(*) FILTER (WHERE NOT has_parts) + count(*) FILTER (WHERE kind <> 'part'))::float8 * $1 AS candidates FROM bench_units`,
    [DAYS],
  )) as [{ candidates: number }];
  const threshold = Math.round((1_000_000 * scale.bookings) / candidates);
  await step('bookings', () => db.query(
    `WITH chosen AS (
       SELECT u.id AS resource_id, u.space_id, DATE '${FIRST_DAY}' + d AS day, s AS slot, abs(hashint8(u.n * 1000 + d * 2 + s)) / 1000000 AS h
         FROM bench_units u CROSS JOIN generate_series(0, $2 - 1) d CROSS JOIN generate_series(0, 1) s
        WHERE ((s = 0 AND NOT u.has_parts) OR (s = 1 AND u.kind <> 'part'))
          AND abs(hashint8(u.n * 1000 + d * 2 + s)) % 1000000 < $1
     ), booked AS (
       INSERT INTO bookings (space_id, resource_id, period, status, price_cents)
       SELECT space_id, resource_id,
              tstzrange((day + make_interval(hours => (8 + 6 * slot + h % 3)::int)) AT TIME ZONE 'Europe/Berlin',
                        (day + make_interval(hours => (9 + 6 * slot + h % 3 + (h / 3) % 3)::int)) AT TIME ZONE 'Europe/Berlin'),
              'confirmed', 0
         FROM chosen
       RETURNING id, resource_id, period
     )
     INSERT INTO booking_claims (booking_id, unit_id, period)
     SELECT b.id, coalesce(p.id, b.resource_id), b.period FROM booked b LEFT JOIN resources p ON p.parent_id = b.resource_id`,
    [threshold, DAYS],
  ));
  await db.query('DROP TABLE bench_units');
}
