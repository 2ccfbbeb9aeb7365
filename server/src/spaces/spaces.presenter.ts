import type { Amenity, MunicipalityName, SpaceKind, SpaceSummary } from '@landraeume/shared';

export interface SpaceSummaryRow {
  id: string;
  slug: string;
  name: string;
  kind: SpaceKind;
  municipality: MunicipalityName;
  street: string;
  postcode: string;
  town: string;
  lat: number;
  lon: number;
  capacity: number;
  desk_count: number;
  amenities: Amenity[];
  photos: string[];
  approval: 'instant' | 'required';
  price_per_hour_cents: number | null;
  price_per_day_cents: number | null;
  club_price_per_hour_cents: number | null;
  organization_id: string;
  provider_name: string;
  distance_km: number | null;
  free_units: number | null;
}

/** The columns of `spaces s` that a summary shows; the rest of a space (texts, rules) stays in the database. */
export const SUMMARY_COLUMNS = [
  'id', 'slug', 'name', 'kind', 'municipality', 'street', 'postcode', 'town', 'lat', 'lon', 'capacity', 'amenities', 'photos', 'approval',
  'price_per_hour_cents', 'price_per_day_cents', 'club_price_per_hour_cents', 'organization_id',
].map((column) => `s.${column}`).join(', ');

/** The `desk_count` column a summary row needs, for a query that calls the space `alias`. */
export const deskCountColumn = (alias: string) => `(SELECT count(*)::int FROM resources r WHERE r.space_id = ${alias}.id AND r.kind = 'desk' AND r.active) AS desk_count`;

export const roundedKm = (km: number | null) => (km === null ? null : Math.round(km * 10) / 10);

export function presentSpaceSummary(row: SpaceSummaryRow): SpaceSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    municipality: row.municipality,
    address: { street: row.street, postcode: row.postcode, town: row.town },
    location: { lat: row.lat, lon: row.lon },
    capacity: row.capacity,
    deskCount: row.desk_count,
    amenities: row.amenities,
    photos: row.photos,
    approval: row.approval,
    prices: {
      perHourCents: row.price_per_hour_cents,
      perDayCents: row.price_per_day_cents,
      clubPerHourCents: row.club_price_per_hour_cents,
    },
    provider: { id: row.organization_id, name: row.provider_name },
    distanceKm: roundedKm(row.distance_km),
    freeUnits: row.free_units,
  };
}
