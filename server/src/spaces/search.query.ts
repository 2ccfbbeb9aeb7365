import { MUNICIPALITIES, type SpaceListQuery } from '@landraeume/shared';
import { dayWindow, localDatesOf } from '../availability/availability';
import { nrwHolidays } from './holidays';
import { DomainError } from '../http/errors';
import { blockingClaimsJson } from './space-calendar.repository';
import { deskCountColumn, SUMMARY_COLUMNS } from './spaces.presenter';

const ZONE = 'Europe/Berlin';

/** Whether every local date the window touches is a public holiday. */
function onHolidaysOnly(window: Window): boolean {
  const dates = localDatesOf(ZONE, window);
  if (!dates.length) return false;
  const holidays = new Set(nrwHolidays(dates[0]!, dates.at(-1)!).map((h) => h.date));
  return dates.every((date) => holidays.has(date));
}
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
  if (query.date) return dayWindow(query.date, ZONE);
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
 * Whether the space's provider is admitted and active. Asked per space rather than joined: a
 * join would be free to read every space in the radius and sort them, where the nearest-first
 * index (geo_point, migration 14000) lets a page stop after its first rows. A search with a
 * window leaves it to the space catalog instead (isListed), which holds it for the same snapshot.
 */
const PROVIDER_LISTED = `(SELECT o.status = 'active' AND o.admission = 'admitted' FROM organizations o WHERE o.id = s.organization_id)`;

/**
 * The filters that need no bookings: published, kind, town, capacity, amenities, text, and the
 * distance, plus `more`. The index's cube box bounds the scan; the exact great-circle distance
 * decides.
 */
function filterOf(query: SpaceListQuery, bind: Bind, more: string[]): Filter {
  const where = [...more, 's.published'];
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
  const { fromWhere, providerName, distance, order } = filterOf(query, bind, [PROVIDER_LISTED]);
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
 * calendar version, distance and the claims that block bookings in the window, all of its
 * columns in the nearest-first index (migration 17000) but the claims. PostgreSQL does
 * the filtering, the distances and the overlaps (one range per space of the index on (space,
 * start)); whether a unit is free for all of a space's open time is decided by
 * the availability engine, the same rules the availability answer follows. No booking outside
 * the batch and the window ever travels to Node.
 */
export function buildCandidatesSql(query: SpaceListQuery, window: Window, batch: Batch): SearchSql {
  const { params, bind } = binder();
  // On a holiday every space that closes on holidays would be a candidate looked at in vain,
  // all of them in the radius before the search could say it found nothing.
  const { fromWhere, distance, order } = filterOf(query, bind, onHolidaysOnly(window) ? [`NOT (s.holidays_closed AND s.zone = '${ZONE}')`] : []);
  const from = bind(window.from);
  const to = bind(window.to);
  return {
    text: `
      WITH c AS MATERIALIZED (
        SELECT s.id, s.calendar_version, s.setup_minutes, s.cleanup_minutes, s.name, s.municipality, s.lat, s.lon, ${distance} AS distance_km ${fromWhere}
         ORDER BY ${order} LIMIT ${bind(batch.limit)} OFFSET ${bind(batch.offset)}
      )
      SELECT c.id, c.calendar_version::text AS version, c.distance_km, ${blockingClaimsJson('c', from, to)} AS claims
        FROM c ORDER BY ${order.replace(/s\./g, 'c.')}`,
    params,
  };
}
