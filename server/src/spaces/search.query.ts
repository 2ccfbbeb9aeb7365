import { DateTime } from 'luxon';
import { MUNICIPALITIES, type SpaceListQuery } from '@landraeume/shared';
import { DomainError } from '../http/errors';
import { nrwHolidays } from './holidays';
import { deskCountColumn, SUMMARY_COLUMNS } from './spaces.presenter';

const ZONE = 'Europe/Berlin';
const DEFAULT_RADIUS_KM = 15;

export interface SearchSql {
  text: string;
  params: unknown[];
}

export interface Window {
  from: string;
  to: string;
}

/** A day in the search means that local day in the district's zone. */
export function windowOf(query: SpaceListQuery): Window | undefined {
  if (query.date) {
    const day = DateTime.fromISO(query.date, { zone: ZONE });
    return { from: day.toISO()!, to: day.plus({ days: 1 }).toISO()! };
  }
  if (query.from && query.to) return { from: query.from, to: query.to };
  return undefined;
}

function originOf(query: SpaceListQuery): { lat: number; lon: number } | undefined {
  if (query.near) return query.near;
  if (!query.postcode) return undefined;
  const town = MUNICIPALITIES.find((m) => m.postcode === query.postcode);
  if (!town) throw new DomainError('invalid_input', 'Unknown postcode', { issues: [{ path: 'postcode', message: 'postcode.unknown' }] });
  return { lat: town.lat, lon: town.lon };
}

type Bind = (value: unknown) => string;

function binder(): { params: unknown[]; bind: Bind } {
  const params: unknown[] = [];
  return {
    params,
    bind: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

interface Filter {
  /** `FROM spaces s WHERE …`: the spaces the filters let through. */
  fromWhere: string;
  providerName: string;
  distance: string;
  order: string;
}

const EARTH_RADIUS_KM = 6371;

/**
 * The filters that need no bookings: published, active provider, kind, town, capacity,
 * amenities, text, and the distance. The provider is asked per space rather than joined: a
 * join would be free to read every space in the radius and sort them, where the nearest-first
 * index (geo_point, migration 14000) lets a page stop after its first rows. The index's
 * cube box bounds the scan; the exact great-circle distance decides.
 */
function filterOf(query: SpaceListQuery, bind: Bind): Filter {
  const where = [
    's.published',
    `(SELECT o.status = 'active' AND o.admission = 'admitted' FROM organizations o WHERE o.id = s.organization_id)`,
  ];
  if (query.kind) where.push(`s.kind = ${bind(query.kind)}`);
  if (query.municipality) where.push(`s.municipality = ${bind(query.municipality)}`);
  if (query.minCapacity) where.push(`s.capacity >= ${bind(query.minCapacity)}`);
  if (query.amenities?.length) where.push(`s.amenities @> ${bind(query.amenities)}::text[]`);
  if (query.q) {
    const pattern = bind(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(s.name ILIKE ${pattern} OR s.town ILIKE ${pattern} OR s.description ILIKE ${pattern})`);
  }

  let distance = 'NULL::double precision';
  let order = 's.municipality, s.name, s.id';
  const origin = originOf(query);
  if (origin) {
    const radius = query.radiusKm ?? DEFAULT_RADIUS_KM;
    const lat = bind(origin.lat);
    const lon = bind(origin.lon);
    const here = `geo_point(${lat}, ${lon})`;
    const chord = 2 * Math.sin(radius / (2 * EARTH_RADIUS_KM));
    where.push(`geo_point(s.lat, s.lon) <@ cube_enlarge(${here}, ${bind(chord)}, 3)`);
    distance = `(12742 * asin(sqrt(power(sin(radians(s.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(s.lat)) * power(sin(radians(s.lon - ${lon}) / 2), 2))))`;
    where.push(`${distance} <= ${bind(radius)}`);
    // The straight line through the sphere orders exactly as the great circle does.
    order = `geo_point(s.lat, s.lon) <-> ${here}, s.name, s.id`;
  }
  return {
    fromWhere: `FROM spaces s WHERE ${where.join(' AND ')}`,
    providerName: `(SELECT o.name FROM organizations o WHERE o.id = s.organization_id) AS provider_name`,
    distance,
    order,
  };
}

/** A search without a window: one page of the filtered spaces and their total. */
export function buildListSql(query: SpaceListQuery): SearchSql {
  const { params, bind } = binder();
  const { fromWhere, providerName, distance, order } = filterOf(query, bind);
  return {
    text: `WITH c AS (SELECT ${SUMMARY_COLUMNS}, ${providerName}, ${distance} AS distance_km ${fromWhere})
           SELECT c.*, ${deskCountColumn('c')}, NULL::int AS free_units, count(*) OVER ()::int AS total
             FROM c ORDER BY ${order.replace(/s\./g, 'c.')}
            LIMIT ${bind(query.pageSize)} OFFSET ${bind((query.page - 1) * query.pageSize)}`,
    params,
  };
}

/** A slice of the filtered spaces in the answer's order: those a search with a window looks at next. */
export interface Batch {
  offset: number;
  limit: number;
}

/**
 * A search with a window: one batch of the filtered spaces in the answer's order, each with its
 * free units in the window (null when none); a batch shorter than asked is the last. PostgreSQL does the work next to the data: the open periods of each
 * candidate (opening hours in its zone, minus closures and holidays); the claims of the window
 * are found once through the period index and anti-joined, rather than probed per unit. No
 * booking ever travels to Node.
 */
export function buildFreeSql(query: SpaceListQuery, window: Window, batch: Batch): SearchSql {
  const { params, bind } = binder();
  const { fromWhere, providerName, distance, order } = filterOf(query, bind);
  const from = `${bind(window.from)}::timestamptz`;
  const to = `${bind(window.to)}::timestamptz`;
  const fromDay = DateTime.fromISO(window.from).setZone(ZONE).minus({ days: 1 }).toISODate()!;
  const toDay = DateTime.fromISO(window.to).setZone(ZONE).plus({ days: 1 }).toISODate()!;
  const holidays = `${bind(nrwHolidays(fromDay, toDay).map((h) => h.date))}::date[]`;
  return {
    text: `
      WITH c AS MATERIALIZED (
        SELECT ${SUMMARY_COLUMNS}, s.zone, s.holidays_closed, ${providerName}, ${distance} AS distance_km ${fromWhere}
         ORDER BY ${order} LIMIT ${bind(batch.limit)} OFFSET ${bind(batch.offset)}
      ),
      open_periods AS MATERIALIZED (
        SELECT c.id AS space_id, d.day::date AS day,
               tstzrange(greatest((d.day + h.opens) AT TIME ZONE c.zone, ${from}), least((d.day + h.closes) AT TIME ZONE c.zone, ${to})) AS period
          FROM c
          CROSS JOIN LATERAL generate_series(((${from} AT TIME ZONE c.zone)::date)::timestamp, ((${to} AT TIME ZONE c.zone)::date)::timestamp, interval '1 day') AS d(day)
          JOIN opening_hours h ON h.space_id = c.id AND h.weekday = extract(isodow FROM d.day)::int
         WHERE (d.day + h.opens) AT TIME ZONE c.zone < ${to}
           AND (d.day + h.closes) AT TIME ZONE c.zone > ${from}
           AND NOT (c.holidays_closed AND d.day::date = ANY(${holidays}))
           AND NOT EXISTS (SELECT 1 FROM closures cl WHERE cl.space_id = c.id AND cl.resource_id IS NULL AND d.day::date BETWEEN cl.starts_on AND cl.ends_on)
      ),
      window_claims AS MATERIALIZED (
        SELECT k.unit_id, k.period FROM booking_claims k WHERE k.active AND k.period && tstzrange(${from}, ${to})
      ),
      busy_units AS (
        -- From the batch's open periods to their units, so only the batch's resources are read.
        SELECT DISTINCT r.id
          FROM open_periods op JOIN resources r ON r.space_id = op.space_id JOIN window_claims wc ON wc.unit_id = r.id AND wc.period && op.period
      ),
      closed_units AS (
        SELECT DISTINCT r.id
          FROM open_periods op
          JOIN closures cl ON cl.space_id = op.space_id AND cl.resource_id IS NOT NULL AND op.day BETWEEN cl.starts_on AND cl.ends_on
          JOIN resources r ON r.space_id = op.space_id AND cl.resource_id IN (r.id, r.parent_id)
      ),
      leaf_units AS (
        SELECT r.id, r.space_id
          FROM resources r
         WHERE r.space_id IN (SELECT space_id FROM open_periods)
           AND r.active
           AND (r.kind <> 'room' OR NOT EXISTS (SELECT 1 FROM resources part WHERE part.parent_id = r.id AND part.active))
           AND (r.parent_id IS NULL OR EXISTS (SELECT 1 FROM resources whole WHERE whole.id = r.parent_id AND whole.active))
      ),
      unavailable AS (
        SELECT l.space_id, count(DISTINCT l.id)::int AS units
          FROM (SELECT id FROM busy_units UNION SELECT id FROM closed_units) taken JOIN leaf_units l ON l.id = taken.id
         GROUP BY l.space_id
      ),
      free AS (
        SELECT l.space_id, count(*)::int - coalesce(max(u.units), 0) AS free_units
          FROM leaf_units l LEFT JOIN unavailable u ON u.space_id = l.space_id
         GROUP BY l.space_id
        HAVING count(*) - coalesce(max(u.units), 0) > 0
      )
      SELECT c.*, ${deskCountColumn('c')}, free.free_units
        FROM c LEFT JOIN free ON free.space_id = c.id
       ORDER BY ${order.replace(/s\./g, 'c.')}`,
    params,
  };
}
