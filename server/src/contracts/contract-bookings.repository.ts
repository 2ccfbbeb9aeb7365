import type { Queryable } from '../db/queryable';
import type { MonthRange } from './months';

/**
 * One active booking on a contract with what usage, statements and commute figures need. Only
 * bookings on a contract are ever read here: a person's private bookings stay private.
 */
export interface ContractBookingRow {
  id: string;
  contract_id: string;
  employer_id: string;
  booker_id: string | null;
  booker_name: string | null;
  share_commute: boolean;
  home_lat: number | null;
  home_lon: number | null;
  home_postcode: string | null;
  workplace_lat: number | null;
  workplace_lon: number | null;
  space_id: string;
  space_name: string;
  municipality: string;
  space_lat: number;
  space_lon: number;
  starts_at: Date;
  hours: number;
  price_cents: number;
}

const SELECT = `
  SELECT b.id, b.contract_id, c.employer_id, b.booker_id, u.display_name AS booker_name, coalesce(u.share_commute, false) AS share_commute,
         u.home_lat, u.home_lon, u.home_postcode, e.lat AS workplace_lat, e.lon AS workplace_lon,
         b.space_id, s.name AS space_name, s.municipality, s.lat AS space_lat, s.lon AS space_lon,
         lower(b.period) AS starts_at, (extract(epoch FROM upper(b.period) - lower(b.period)) / 3600)::float8 AS hours, coalesce(b.price_cents, 0) AS price_cents
    FROM bookings b
    JOIN contracts c ON c.id = b.contract_id
    JOIN organizations e ON e.id = c.employer_id
    JOIN spaces s ON s.id = b.space_id
    LEFT JOIN users u ON u.id = b.booker_id AND u.deleted_at IS NULL
   WHERE (b.status IN ('pending', 'confirmed') OR (b.status = 'no_show' AND c.no_show_consumes_quota))`;

const inMonth = (n: number) => `AND lower(b.period) >= $${n} AND lower(b.period) < $${n + 1}`;
const bounds = (range: MonthRange) => [range.from.toISO(), range.to.toISO()];

export async function bookingsOfEmployer(db: Queryable, employerId: string, range: MonthRange): Promise<ContractBookingRow[]> {
  return db.query(`${SELECT} AND c.employer_id = $1 ${inMonth(2)} ORDER BY lower(b.period), s.name`, [employerId, ...bounds(range)]);
}

export async function bookingsOfContract(db: Queryable, contractId: string, range: MonthRange): Promise<ContractBookingRow[]> {
  return db.query(`${SELECT} AND c.id = $1 ${inMonth(2)} ORDER BY lower(b.period), s.name`, [contractId, ...bounds(range)]);
}

export async function bookingsOfPerson(db: Queryable, userId: string): Promise<ContractBookingRow[]> {
  return db.query(`${SELECT} AND b.booker_id = $1 ORDER BY lower(b.period)`, [userId]);
}

export async function bookingsOfRegion(db: Queryable, range: MonthRange): Promise<ContractBookingRow[]> {
  return db.query(`${SELECT} ${inMonth(1)}`, bounds(range));
}
