import { MUNICIPALITIES, type MunicipalityName } from '@landraeume/shared';

const EARTH_DIAMETER_KM = 12_742;
/** On the same sphere as the distances, so a cell is 1 km by the measure the reports use. */
export const KM_PER_DEGREE_LATITUDE = (EARTH_DIAMETER_KM * Math.PI) / 360;
/** Demand is kept at this resolution: coarse enough that a point names no house or street. */
export const GRID_CELL_KM = 1;
/** A search point further than this from every town centre is not credited to a town. */
const TOWN_RADIUS_KM = 10;

export interface Point {
  lat: number;
  lon: number;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Snaps a point to the centre of its cell in a grid of cells at least 1 km on each side. Rows
 * are 1 km of latitude; a row's cells are 1 km wide at its poleward edge (where degrees of
 * longitude are shortest), so they are wider, never narrower, everywhere else in the row.
 * Rounding lat/lon to 2 decimals would not do: 0.01° of longitude is only ~0.69 km here.
 */
export function snapToGrid({ lat, lon }: Point): Point {
  const latStep = GRID_CELL_KM / KM_PER_DEGREE_LATITUDE;
  const row = Math.floor(lat / latStep);
  const polewardEdge = Math.min(90, Math.max(Math.abs(row * latStep), Math.abs((row + 1) * latStep)));
  const lonStep = GRID_CELL_KM / (KM_PER_DEGREE_LATITUDE * Math.max(Math.cos((polewardEdge * Math.PI) / 180), 1e-6));
  const column = Math.floor(lon / lonStep);
  const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value));
  return { lat: round6(clamp((row + 0.5) * latStep, 90)), lon: round6(clamp((column + 0.5) * lonStep, 180)) };
}

export function distanceKm(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return EARTH_DIAMETER_KM * Math.asin(Math.sqrt(h));
}

/** The district town whose centre is nearest, if any lies within reach. */
export function nearestTown(point: Point): MunicipalityName | undefined {
  let best: { name: MunicipalityName; km: number } | undefined;
  for (const town of MUNICIPALITIES) {
    const km = distanceKm(point, town);
    if (km <= TOWN_RADIUS_KM && (!best || km < best.km)) best = { name: town.name, km };
  }
  return best?.name;
}
