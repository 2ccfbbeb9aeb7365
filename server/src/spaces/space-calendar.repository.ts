import type { Queryable } from '../db/queryable';
import type { ClosureDto, OpeningIntervalDto, Resource } from '@landraeume/shared';
import { prepare, runPrepared } from '../db/prepared';
import { isUuid, SPACE_COLUMNS, SPACE_FROM, type SpaceRow } from './space-loader';

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
 * The busy periods of the leaf units of the space `s` of the enclosing statement; who booked
 * stays in the database. A claim already holds its booking's buffers; a new booking would add its
 * own, so a claim blocks new bookings from its start minus the clean-up until its end plus the
 * set-up (and claims that far outside the window count).
 */
const blockingClaimsOfSpace = (from: string, to: string) => `
  SELECT k.unit_id AS "unitId", lower(k.period) - make_interval(mins => s.cleanup_minutes) AS start, upper(k.period) + make_interval(mins => s.setup_minutes) AS "end"
    FROM resources r
    JOIN booking_claims k ON k.unit_id = r.id AND k.active
     AND k.period && tstzrange(${from}::timestamptz - make_interval(mins => s.setup_minutes), ${to}::timestamptz + make_interval(mins => s.cleanup_minutes))
   WHERE r.space_id = s.id`;

const CLAIMS = prepare('space-claims', `SELECT claim.* FROM spaces s CROSS JOIN LATERAL (${blockingClaimsOfSpace('$2', '$3')}) claim WHERE s.id = $1`);

export async function loadClaims(db: Queryable, spaceId: string, from: string, to: string): Promise<{ unitId: string; start: string; end: string }[]> {
  const rows = (await runPrepared(db, CLAIMS, [spaceId, from, to])) as { unitId: string; start: Date; end: Date }[];
  return rows.map((row) => ({ unitId: row.unitId, start: row.start.toISOString(), end: row.end.toISOString() }));
}

export interface CalendarParts {
  resources: Resource[];
  openingHours: OpeningIntervalDto[];
  closures: ClosureDto[];
  claims: { unitId: string; start: string; end: string }[];
}

/**
 * The resources, opening hours and closures of the space `s` of the enclosing statement, for a
 * window between two instants: closures touch its local days and one day on either side (an
 * opening across midnight starts the day before).
 */
export const calendarColumns = (from: string, to: string) => `
  (SELECT coalesce(json_agg(${RESOURCE_JSON} ORDER BY r.parent_id NULLS FIRST, r.sort_order, r.name, r.id), '[]') FROM resources r WHERE r.space_id = s.id) AS resources,
  (SELECT coalesce(json_agg(${OPENING_JSON} ORDER BY h.weekday, h.opens), '[]') FROM opening_hours h WHERE h.space_id = s.id) AS "openingHours",
  (SELECT coalesce(json_agg(${CLOSURE_JSON} ORDER BY c.starts_on, c.id), '[]') FROM closures c
    WHERE c.space_id = s.id AND c.ends_on >= (${from}::timestamptz AT TIME ZONE s.zone)::date - 1 AND c.starts_on <= (${to}::timestamptz AT TIME ZONE s.zone)::date + 1) AS closures`;

/**
 * A space as `SpaceRow` and everything the availability engine needs for a window, in one
 * statement: one round trip, one pooled connection, planned once per connection; claims as
 * `loadClaims` gives them.
 */
const calendarOf = (where: string) => `
  SELECT ${SPACE_COLUMNS},
         ${calendarColumns('$2', '$3')},
         (SELECT coalesce(json_agg(claim), '[]') FROM (${blockingClaimsOfSpace('$2', '$3')}) claim) AS claims
    ${SPACE_FROM} WHERE ${where}`;
const CALENDAR_BY_ID = prepare('space-calendar-by-id', calendarOf('s.id = $1::uuid'));
const CALENDAR_BY_SLUG = prepare('space-calendar-by-slug', calendarOf('s.slug = $1'));

/** The space (by id or slug) with its calendar for the window; undefined when there is none. */
export async function loadSpaceCalendar(db: Queryable, ref: string, window: { from: string; to: string }): Promise<(SpaceRow & CalendarParts) | undefined> {
  const [row] = (await runPrepared(db, isUuid(ref) ? CALENDAR_BY_ID : CALENDAR_BY_SLUG, [ref, window.from, window.to])) as (SpaceRow & CalendarParts)[];
  return row;
}
