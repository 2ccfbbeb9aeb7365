import type { ClosureDto, OpeningIntervalDto, Resource, SpaceSummary } from '@landraeume/shared';
import type { AvailabilityResource, Closure, IsoWeekday, OpeningInterval } from '../availability/availability.types';
import type { Queryable } from '../db/queryable';
import { prepare, runPrepared } from '../db/prepared';
import { WHOLE_CALENDAR_COLUMNS } from './space-calendar.repository';
import { presentSpaceSummary, type SpaceSummaryRow } from './spaces.presenter';

/** What a space is, apart from its bookings: the columns its summary, rules and visibility need. */
export interface CatalogSpace extends Omit<SpaceSummaryRow, 'desk_count' | 'distance_km' | 'free_units'> {
  zone: string;
  published: boolean;
  holidays_closed: boolean;
  slot_minutes: 15 | 30 | 60;
  setup_minutes: number;
  cleanup_minutes: number;
  min_duration_minutes: number;
  max_duration_minutes: number;
  lead_time_minutes: number;
  horizon_days: number;
  organization_kind: string;
  organization_status: string;
  organization_admission: string;
}

/** The engine's view of the fixed parts: the same objects on every request, so it can keep its work on them. */
export interface FixedCalendar {
  zone: string;
  openingHours: OpeningInterval[];
  closures: Closure[];
  resources: AvailabilityResource[];
}

/** A space's fixed parts as of one calendar version (migration 16000). */
export interface CatalogEntry {
  version: string;
  space: CatalogSpace;
  /** The space as a search result presents it, but for its distance and free units. */
  summary: SpaceSummary;
  resources: Resource[];
  openingHours: OpeningIntervalDto[];
  closures: ClosureDto[];
  calendar: FixedCalendar;
}

/** The JSON that `FIXED_PARTS` makes of a space row. */
export interface FixedPartsJson {
  space: CatalogSpace;
  resources: Resource[];
  openingHours: OpeningIntervalDto[];
  closures: ClosureDto[];
}

const CATALOG_SPACE_COLUMNS = [
  'id', 'slug', 'name', 'kind', 'municipality', 'street', 'postcode', 'town', 'lat', 'lon', 'capacity', 'amenities', 'photos', 'approval',
  'price_per_hour_cents', 'price_per_day_cents', 'club_price_per_hour_cents', 'organization_id', 'zone', 'published', 'holidays_closed',
  'slot_minutes', 'setup_minutes', 'cleanup_minutes', 'min_duration_minutes', 'max_duration_minutes', 'lead_time_minutes', 'horizon_days',
].map((column) => `s.${column}`).join(', ');

/** The fixed parts of the space `s` of the enclosing statement, as one JSON value. */
export const FIXED_PARTS = `(SELECT row_to_json(fixed) FROM (
    SELECT (SELECT row_to_json(space) FROM (
              SELECT ${CATALOG_SPACE_COLUMNS}, o.name AS provider_name, o.kind AS organization_kind, o.status AS organization_status, o.admission AS organization_admission
                FROM organizations o WHERE o.id = s.organization_id) space) AS space,
           ${WHOLE_CALENDAR_COLUMNS}) fixed)`;

const FIXED_BY_IDS = prepare('space-fixed-parts', `SELECT s.calendar_version::text AS version, ${FIXED_PARTS} AS fixed FROM spaces s WHERE s.id = ANY($1::uuid[])`);

/** Enough for every space of a district many times over; past it, the oldest entries go first. */
const MAX_ENTRIES = 50_000;

/**
 * Each server's copy of the fixed parts of the spaces it was asked about, by calendar version.
 * Readers fetch a space's current version in the statement that reads its bookings, so they
 * see the fixed parts and the bookings of one snapshot: a version this catalog holds is the
 * calendar of that snapshot (versions are never reused), and any other version is fetched anew.
 * Nothing here can be stale in a way a reader would notice; it only saves reading and parsing
 * the same rows again for every search, availability and booking.
 */
export class SpaceCatalog {
  private readonly byVersion = new Map<string, CatalogEntry>();
  /** Latest version seen per space id and slug: the hint a reader passes to skip the fixed parts. */
  private readonly latest = new Map<string, string>();

  at(version: string): CatalogEntry | undefined {
    return this.byVersion.get(version);
  }

  /** The version this catalog would use for a space id or slug, if it holds one. */
  hint(ref: string): string | null {
    const version = this.latest.get(ref);
    return version !== undefined && this.byVersion.has(version) ? version : null;
  }

  remember(version: string, fixed: FixedPartsJson): CatalogEntry {
    const known = this.byVersion.get(version);
    if (known) return known;
    const entry = entryOf(version, fixed);
    const previous = this.latest.get(entry.space.id);
    // A reader that started before a change may bring the older version last: it serves that
    // reader, but is not kept.
    if (previous !== undefined && BigInt(previous) > BigInt(version)) return entry;
    if (previous !== undefined) this.byVersion.delete(previous);
    this.latest.set(entry.space.id, version);
    this.latest.set(entry.space.slug, version);
    if (this.byVersion.size >= MAX_ENTRIES) this.byVersion.delete(this.byVersion.keys().next().value!);
    this.byVersion.set(version, entry);
    return entry;
  }

  /** The current fixed parts of these spaces, as the database has them now. */
  async fetch(db: Queryable, ids: string[]): Promise<CatalogEntry[]> {
    const rows = (await runPrepared(db, FIXED_BY_IDS, [ids])) as { version: string; fixed: FixedPartsJson }[];
    return rows.map((row) => this.remember(row.version, row.fixed));
  }

  /** A space's entry at the version this catalog last saw, or the current one when it holds none (or `fresh`). */
  async entry(db: Queryable, id: string, fresh = false): Promise<CatalogEntry | undefined> {
    const hint = fresh ? null : this.hint(id);
    return (hint && this.at(hint)) || (await this.fetch(db, [id]))[0];
  }
}

function entryOf(version: string, fixed: FixedPartsJson): CatalogEntry {
  const { space, resources, openingHours, closures } = fixed;
  const deskCount = resources.filter((r) => r.kind === 'desk' && r.active).length;
  return {
    version,
    space,
    summary: presentSpaceSummary({ ...space, desk_count: deskCount, distance_km: null, free_units: null }),
    resources,
    openingHours,
    closures,
    calendar: {
      zone: space.zone,
      openingHours: openingHours.map((h) => ({ ...h, weekday: h.weekday as IsoWeekday })),
      closures: closures.map(({ startsOn, endsOn, resourceId }) => ({ startsOn, endsOn, resourceId })),
      resources: resources.map(({ id, kind, parentId, active }) => ({ id, kind, parentId, active })),
    },
  };
}
