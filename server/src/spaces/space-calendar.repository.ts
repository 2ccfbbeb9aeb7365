import type { Queryable } from '../db/queryable';
import type { ClosureDto, OpeningIntervalDto, Resource } from '@landraeume/shared';
import { prepare, runPrepared } from '../db/prepared';
import { CLAIM_SPAN_LIMIT } from '../bookings/claim-span';

/*
 * The parts of a space that its calendar is made of, in the shapes the API and the engine use.
 * The JSON fragments let other readers fetch the same shapes inside one statement.
 */
export const RESOURCE_JSON = `json_build_object('id', r.id, 'kind', r.kind, 'name', r.name, 'features', r.features, 'capacity', r.capacity, 'parentId', r.parent_id, 'active', r.active)`;
export const OPENING_JSON = `json_build_object('weekday', h.weekday, 'opens', to_char(h.opens, 'HH24:MI'), 'closes', CASE WHEN h.closes = '24:00' THEN '24:00' ELSE to_char(h.closes, 'HH24:MI') END)`;
export const CLOSURE_JSON = `json_build_object('id', c.id, 'startsOn', to_char(c.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(c.ends_on, 'YYYY-MM-DD'), 'resourceId', c.resource_id, 'reason', c.reason)`;

export async function loadResources(db: Queryable, spaceId: string): Promise<Resource[]> {
  const [row] = (await db.query(
    `SELECT coalesce(json_agg(${RESOURCE_JSON} ORDER BY r.parent_id NULLS FIRST, r.sort_order, r.name, r.id), '[]') AS list FROM resources r WHERE r.space_id = $1`,
    [spaceId],
  )) as [{ list: Resource[] }];
  return row.list;
}

export async function loadOpeningHours(db: Queryable, spaceId: string): Promise<OpeningIntervalDto[]> {
  const [row] = (await db.query(`SELECT coalesce(json_agg(${OPENING_JSON} ORDER BY h.weekday, h.opens), '[]') AS list FROM opening_hours h WHERE h.space_id = $1`, [spaceId])) as [
    { list: OpeningIntervalDto[] },
  ];
  return row.list;
}

/** Closures touching the local dates fromDate … toDate (inclusive). */
export async function loadClosures(db: Queryable, spaceId: string, fromDate: string, toDate: string): Promise<ClosureDto[]> {
  const [row] = (await db.query(
    `SELECT coalesce(json_agg(${CLOSURE_JSON} ORDER BY c.starts_on, c.id), '[]') AS list FROM closures c WHERE c.space_id = $1 AND c.ends_on >= $2::date AND c.starts_on <= $3::date`,
    [spaceId, fromDate, toDate],
  )) as [{ list: ClosureDto[] }];
  return row.list;
}

/** Epoch milliseconds of a timestamptz, a plain JSON number for the engine. */
const millis = (instant: string) => `(extract(epoch FROM ${instant}) * 1000)::bigint`;

/**
 * The busy periods of the space `alias` (a row with `id`, `setup_minutes` and `cleanup_minutes`)
 * as JSON `[unitId, startMs, endMs]`; who booked stays in the database. A claim already holds its
 * booking's buffers; a new booking would add its own, so a claim blocks new bookings from its
 * start minus the clean-up until its end plus the set-up (and claims that far outside the window
 * count). One range of the index on (space, start): no claim starts longer than
 * CLAIM_SPAN_LIMIT before its end.
 */
export const blockingClaimsJson = (alias: string, from: string, to: string) => `
  (SELECT coalesce(json_agg(json_build_array(k.unit_id,
            ${millis(`lower(k.period) - make_interval(mins => ${alias}.cleanup_minutes)`)},
            ${millis(`upper(k.period) + make_interval(mins => ${alias}.setup_minutes)`)})), '[]')
     FROM booking_claims k
    WHERE k.space_id = ${alias}.id AND k.active
      AND lower(k.period) >= ${from}::timestamptz - make_interval(mins => ${alias}.setup_minutes) - interval '${CLAIM_SPAN_LIMIT}'
      AND lower(k.period) < ${to}::timestamptz + make_interval(mins => ${alias}.cleanup_minutes)
      AND k.period && tstzrange(${from}::timestamptz - make_interval(mins => ${alias}.setup_minutes), ${to}::timestamptz + make_interval(mins => ${alias}.cleanup_minutes)))`;

export type ClaimTuple = [unitId: string, start: number, end: number];

export const claimsOf = (tuples: ClaimTuple[]) => tuples.map(([unitId, start, end]) => ({ unitId, start, end }));

const CLAIMS = prepare('space-claims', `SELECT ${blockingClaimsJson('s', '$2', '$3')} AS claims FROM spaces s WHERE s.id = $1`);

export async function loadClaims(db: Queryable, spaceId: string, from: string, to: string): Promise<{ unitId: string; start: number; end: number }[]> {
  const [row] = (await runPrepared(db, CLAIMS, [spaceId, from, to])) as [{ claims: ClaimTuple[] }?];
  return claimsOf(row?.claims ?? []);
}

const RESOURCES_COLUMN = `(SELECT coalesce(json_agg(${RESOURCE_JSON} ORDER BY r.parent_id NULLS FIRST, r.sort_order, r.name, r.id), '[]') FROM resources r WHERE r.space_id = s.id) AS resources`;
const OPENING_COLUMN = `(SELECT coalesce(json_agg(${OPENING_JSON} ORDER BY h.weekday, h.opens), '[]') FROM opening_hours h WHERE h.space_id = s.id) AS "openingHours"`;
const closuresColumn = (where: string) => `(SELECT coalesce(json_agg(${CLOSURE_JSON} ORDER BY c.starts_on, c.id), '[]') FROM closures c WHERE c.space_id = s.id${where}) AS closures`;

export interface CalendarParts {
  resources: Resource[];
  openingHours: OpeningIntervalDto[];
  closures: ClosureDto[];
}

/**
 * The resources, opening hours and closures of the space `s` of the enclosing statement, for a
 * window between two instants: closures touch its local days and one day on either side (an
 * opening across midnight starts the day before).
 */
export const calendarColumns = (from: string, to: string) =>
  `${RESOURCES_COLUMN}, ${OPENING_COLUMN}, ${closuresColumn(` AND c.ends_on >= (${from}::timestamptz AT TIME ZONE s.zone)::date - 1 AND c.starts_on <= (${to}::timestamptz AT TIME ZONE s.zone)::date + 1`)}`;

/** The same parts with every closure, past and future: what a space's calendar is made of whatever the window. */
export const WHOLE_CALENDAR_COLUMNS = `${RESOURCES_COLUMN}, ${OPENING_COLUMN}, ${closuresColumn('')}`;
