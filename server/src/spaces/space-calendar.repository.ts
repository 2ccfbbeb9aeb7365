import type { Queryable } from '../db/queryable';
import type { ClosureDto, OpeningIntervalDto, Resource } from '@landraeume/shared';

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

/**
 * Busy periods of the space's leaf units; who booked stays in the database. A claim already
 * holds its booking's buffers; a new booking would add its own, so a claim blocks new bookings
 * from its start minus the clean-up until its end plus the set-up (and claims that far outside
 * the window count).
 */
export async function loadClaims(db: Queryable, spaceId: string, from: string, to: string): Promise<{ unitId: string; start: string; end: string }[]> {
  const rows = (await db.query(`SELECT ${BLOCKING_CLAIM_COLUMNS} ${BLOCKING_CLAIMS_FROM('$1', '$2', '$3')}`, [spaceId, from, to])) as { unitId: string; start: Date; end: Date }[];
  return rows.map((row) => ({ unitId: row.unitId, start: row.start.toISOString(), end: row.end.toISOString() }));
}

const BLOCKING_CLAIM_COLUMNS = `k.unit_id AS "unitId", lower(k.period) - make_interval(mins => s.cleanup_minutes) AS start, upper(k.period) + make_interval(mins => s.setup_minutes) AS "end"`;
const BLOCKING_CLAIMS_FROM = (space: string, from: string, to: string) => `
  FROM spaces s JOIN resources r ON r.space_id = s.id
  JOIN booking_claims k ON k.unit_id = r.id AND k.active
   AND k.period && tstzrange(${from}::timestamptz - make_interval(mins => s.setup_minutes), ${to}::timestamptz + make_interval(mins => s.cleanup_minutes))
 WHERE s.id = ${space}`;

export interface CalendarParts {
  resources: Resource[];
  openingHours: OpeningIntervalDto[];
  closures: ClosureDto[];
  claims: { unitId: string; start: string; end: string }[];
}

/**
 * Everything the availability engine needs for a window, in one statement: a single round trip
 * on a single pooled connection, where asking for each part holds several connections at once.
 * Closures touch the local dates fromDate … toDate (inclusive); claims as `loadClaims` gives them.
 */
export async function loadCalendarParts(db: Queryable, spaceId: string, window: { fromDate: string; toDate: string; from: string; to: string }): Promise<CalendarParts> {
  const [row] = (await db.query(
    `SELECT (SELECT coalesce(json_agg(${RESOURCE_JSON} ORDER BY r.parent_id NULLS FIRST, r.sort_order, r.name, r.id), '[]') FROM resources r WHERE r.space_id = $1) AS resources,
            (SELECT coalesce(json_agg(${OPENING_JSON} ORDER BY h.weekday, h.opens), '[]') FROM opening_hours h WHERE h.space_id = $1) AS "openingHours",
            (SELECT coalesce(json_agg(${CLOSURE_JSON} ORDER BY c.starts_on, c.id), '[]') FROM closures c WHERE c.space_id = $1 AND c.ends_on >= $2::date AND c.starts_on <= $3::date) AS closures,
            (SELECT coalesce(json_agg(claim), '[]') FROM (SELECT ${BLOCKING_CLAIM_COLUMNS} ${BLOCKING_CLAIMS_FROM('$1', '$4', '$5')}) claim) AS claims`,
    [spaceId, window.fromDate, window.toDate, window.from, window.to],
  )) as [CalendarParts];
  return row;
}
