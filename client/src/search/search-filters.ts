import { AMENITIES, MUNICIPALITY_NAMES, SPACE_KINDS, type Amenity, type SpaceKind } from '@landraeume/shared';
import { DateTime } from 'luxon';

/**
 * The search as it lives in the address bar, so a search can be bookmarked and shared. Parsing
 * never fails: a value that cannot be used (a typo, an old link, a hand-edited URL) is dropped
 * and its default applies, so a shared link at worst shows more than was meant, never an error.
 */
export interface SearchFilters {
  /** ISO date (yyyy-mm-dd) of the wanted day; the URL may also carry German 24.12.2026. */
  date: string | undefined;
  /** Wall-clock time range on that day (HH:mm), Europe/Berlin; only with a date. */
  from: string | undefined;
  to: string | undefined;
  municipality: string | undefined;
  /** A district postcode or coordinates (lat,lon) to search around; one of them, never both. */
  postcode: string | undefined;
  near: { lat: number; lon: number } | undefined;
  radiusKm: number | undefined;
  kind: SpaceKind | undefined;
  minCapacity: number | undefined;
  amenities: Amenity[];
  q: string | undefined;
  page: number;
  view: 'list' | 'map';
}

export const DEFAULT_FILTERS: SearchFilters = {
  date: undefined,
  from: undefined,
  to: undefined,
  municipality: undefined,
  postcode: undefined,
  near: undefined,
  radiusKm: undefined,
  kind: undefined,
  minCapacity: undefined,
  amenities: [],
  q: undefined,
  page: 1,
  view: 'list',
};

export const SEARCH_ZONE = 'Europe/Berlin';
export const RADIUS_CHOICES = [2, 5, 10, 20, 50] as const;

const clean = (value: string | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** A calendar day as ISO, from ISO or German notation (1.2.2027, 01.02.2027); impossible days are refused. */
export function parseDay(value: string | null | undefined): string | undefined {
  const text = clean(value ?? null);
  if (!text) return undefined;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const day = german ? DateTime.fromObject({ year: Number(german[3]), month: Number(german[2]), day: Number(german[1]) }) : /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text) : undefined;
  return day?.isValid ? day.toISODate()! : undefined;
}

function parseTime(value: string | null): string | undefined {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(clean(value) ?? '');
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}

function parseNumber(value: string | null, min: number, max: number, integer: boolean): number | undefined {
  const text = clean(value)?.replace(',', '.');
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  if (n < min || n > max || (integer && !Number.isInteger(n))) return undefined;
  return n;
}

function parseNear(value: string | null): SearchFilters['near'] {
  const match = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(clean(value) ?? '');
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

const oneOf = <T extends string>(choices: readonly T[], value: string | null): T | undefined => (choices as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

export function parseFilters(params: URLSearchParams): SearchFilters {
  const date = parseDay(params.get('date'));
  let from = date ? parseTime(params.get('from')) : undefined;
  let to = date ? parseTime(params.get('to')) : undefined;
  // Half a range, or one that ends before it starts, means nothing to search by.
  if (!from || !to || to <= from) from = to = undefined;
  const postcode = /^\d{5}$/.test(clean(params.get('postcode')) ?? '') ? clean(params.get('postcode')) : undefined;
  const near = postcode ? undefined : parseNear(params.get('near'));
  const amenities = [...new Set(params.getAll('amenities').flatMap((v) => v.split(',')).filter((v): v is Amenity => (AMENITIES as readonly string[]).includes(v)))];
  return {
    date,
    from,
    to,
    municipality: oneOf(MUNICIPALITY_NAMES, params.get('municipality')),
    postcode,
    near,
    radiusKm: postcode || near ? parseNumber(params.get('radiusKm'), 0.1, 200, false) : undefined,
    kind: oneOf(SPACE_KINDS, params.get('kind')),
    minCapacity: parseNumber(params.get('minCapacity'), 1, 10_000, true),
    amenities: AMENITIES.filter((a) => amenities.includes(a)),
    q: clean(params.get('q'))?.slice(0, 100),
    page: parseNumber(params.get('page'), 1, 10_000, true) ?? 1,
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
}

/** The shortest URL for these filters: defaults are left out, the date is written as ISO. */
export function serializeFilters(filters: SearchFilters): URLSearchParams {
  const out = new URLSearchParams();
  const set = (name: string, value: string | number | undefined) => value !== undefined && value !== '' && out.set(name, String(value));
  set('date', filters.date);
  if (filters.date && filters.from && filters.to) {
    set('from', filters.from);
    set('to', filters.to);
  }
  set('municipality', filters.municipality);
  set('postcode', filters.postcode);
  if (!filters.postcode && filters.near) set('near', `${filters.near.lat},${filters.near.lon}`);
  if (filters.postcode || filters.near) set('radiusKm', filters.radiusKm);
  set('kind', filters.kind);
  set('minCapacity', filters.minCapacity);
  if (filters.amenities.length) set('amenities', filters.amenities.join(','));
  set('q', filters.q);
  if (filters.page > 1) set('page', filters.page);
  if (filters.view === 'map') set('view', 'map');
  return out;
}

/** The API query for these filters: a time range becomes an instant window in the district's zone. */
export function toApiQuery(filters: SearchFilters, pageSize: number): URLSearchParams {
  const query = serializeFilters({ ...filters, view: 'list' });
  query.delete('from');
  query.delete('to');
  if (filters.date && filters.from && filters.to) {
    query.delete('date');
    const at = (time: string) => DateTime.fromISO(`${filters.date}T${time}`, { zone: SEARCH_ZONE }).toISO({ suppressMilliseconds: true })!;
    query.set('from', at(filters.from));
    query.set('to', at(filters.to));
  }
  query.set('pageSize', String(pageSize));
  return query;
}
