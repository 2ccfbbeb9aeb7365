import { MUNICIPALITIES } from '@landraeume/shared';

export interface Point {
  lat: number;
  lon: number;
}

export interface CommuteSettings {
  /** Roads are longer than the straight line; the factor turns one into the other. */
  detourFactor: number;
  co2GramsPerKm: number;
}

/*
 * Default CO₂ per km: 166 g CO₂-equivalents per passenger-km for an average car (Pkw), the
 * Umweltbundesamt's figure from TREMOD in its table "Vergleich der durchschnittlichen Emissionen
 * einzelner Verkehrsmittel im Personenverkehr" (Bezugsjahr 2022). A commuter usually drives
 * alone, so per passenger-km is the cautious choice; COMMUTE_CO2_G_PER_KM overrides it.
 */
export const DEFAULT_COMMUTE_SETTINGS: CommuteSettings = { detourFactor: 1.3, co2GramsPerKm: 166 };

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function greatCircleKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A round trip to the workplace replaced by one to the space; never negative (a detour is not "saved"). */
export function kmAvoidedPerDay(home: Point, workplace: Point, space: Point, settings: CommuteSettings): number {
  const road = (a: Point, b: Point) => greatCircleKm(a, b) * settings.detourFactor;
  return Math.max(0, 2 * road(home, workplace) - 2 * road(home, space));
}

/** Home is where the person put it, else the centre of their postcode's town in the district. */
export function homeOf(person: { home_lat: number | null; home_lon: number | null; home_postcode: string | null }): Point | null {
  if (person.home_lat !== null && person.home_lon !== null) return { lat: person.home_lat, lon: person.home_lon };
  const town = MUNICIPALITIES.find((m) => m.postcode === person.home_postcode);
  return town ? { lat: town.lat, lon: town.lon } : null;
}

export interface CommuteTotals {
  deskDays: number;
  kmAvoided: number;
  co2KgAvoided: number;
}

export const emptyTotals = (): CommuteTotals => ({ deskDays: 0, kmAvoided: 0, co2KgAvoided: 0 });

export function addDay(totals: CommuteTotals, km: number, settings: CommuteSettings): void {
  totals.deskDays += 1;
  totals.kmAvoided += km;
  totals.co2KgAvoided += (km * settings.co2GramsPerKm) / 1000;
}

/** One decimal for km and kg: more would pretend a precision the detour factor does not have. */
export const rounded = (t: CommuteTotals): CommuteTotals => ({ deskDays: t.deskDays, kmAvoided: Math.round(t.kmAvoided * 10) / 10, co2KgAvoided: Math.round(t.co2KgAvoided * 10) / 10 });

/** The figures of one desk-day on a contract; 0 km where home or workplace is unknown. */
export function kmOfBooking(
  row: { home_lat: number | null; home_lon: number | null; home_postcode: string | null; workplace_lat: number | null; workplace_lon: number | null; space_lat: number; space_lon: number },
  settings: CommuteSettings,
): number {
  const home = homeOf(row);
  if (!home || row.workplace_lat === null || row.workplace_lon === null) return 0;
  return kmAvoidedPerDay(home, { lat: row.workplace_lat, lon: row.workplace_lon }, { lat: row.space_lat, lon: row.space_lon }, settings);
}

export function totalsOf(rows: Parameters<typeof kmOfBooking>[0][], settings: CommuteSettings): CommuteTotals {
  const totals = emptyTotals();
  for (const row of rows) addDay(totals, kmOfBooking(row, settings), settings);
  return rounded(totals);
}
