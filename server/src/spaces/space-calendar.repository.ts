import type { Queryable } from '../db/queryable';
import type { ClosureDto, OpeningIntervalDto, Resource } from '@landraeume/shared';

/** The parts of a space that its calendar is made of, in the shapes the API and the engine use. */
export async function loadResources(db: Queryable, spaceId: string): Promise<Resource[]> {
  return (await db.query(
    `SELECT id, kind, name, features, capacity, parent_id AS "parentId", active FROM resources WHERE space_id = $1 ORDER BY parent_id NULLS FIRST, sort_order, name, id`,
    [spaceId],
  )) as Resource[];
}

export async function loadOpeningHours(db: Queryable, spaceId: string): Promise<OpeningIntervalDto[]> {
  return (await db.query(
    `SELECT weekday, to_char(opens, 'HH24:MI') AS opens, CASE WHEN closes = '24:00' THEN '24:00' ELSE to_char(closes, 'HH24:MI') END AS closes
       FROM opening_hours WHERE space_id = $1 ORDER BY weekday, opens`,
    [spaceId],
  )) as OpeningIntervalDto[];
}

/** Closures touching the local dates fromDate … toDate (inclusive). */
export async function loadClosures(db: Queryable, spaceId: string, fromDate: string, toDate: string): Promise<ClosureDto[]> {
  return (await db.query(
    `SELECT id, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", resource_id AS "resourceId", reason
       FROM closures WHERE space_id = $1 AND ends_on >= $2::date AND starts_on <= $3::date ORDER BY starts_on, id`,
    [spaceId, fromDate, toDate],
  )) as ClosureDto[];
}

/** Busy periods of the space's leaf units; who booked stays in the database. */
export async function loadClaims(db: Queryable, spaceId: string, from: string, to: string): Promise<{ unitId: string; start: string; end: string }[]> {
  const rows = (await db.query(
    `SELECT k.unit_id AS "unitId", lower(k.period) AS start, upper(k.period) AS "end"
       FROM resources r JOIN booking_claims k ON k.unit_id = r.id AND k.active AND k.period && tstzrange($2::timestamptz, $3::timestamptz)
      WHERE r.space_id = $1`,
    [spaceId, from, to],
  )) as { unitId: string; start: Date; end: Date }[];
  return rows.map((row) => ({ unitId: row.unitId, start: row.start.toISOString(), end: row.end.toISOString() }));
}
