import type { KeyHandover, KeyState } from '@landraeume/shared';
import { DateTime } from 'luxon';

export interface KeyRow {
  booking_id: string;
  status: string;
  space_id: string;
  space_name: string;
  zone: string;
  key_place: string;
  resource_name: string;
  booker_name: string | null;
  booker_email: string | null;
  organization_name: string | null;
  starts_at: Date;
  ends_at: Date;
  pickup_from: Date;
  return_by: Date;
  key_out_at: Date | null;
  out_by: string | null;
  key_back_at: Date | null;
  back_by: string | null;
}

/** Every booking with what a key board shows; callers add the WHERE. */
export const KEY_SELECT = `
  SELECT b.id AS booking_id, b.status, s.id AS space_id, s.name AS space_name, s.zone, s.key_place, r.name AS resource_name,
         u.display_name AS booker_name, u.email AS booker_email, bo.name AS organization_name,
         lower(b.period) AS starts_at, upper(b.period) AS ends_at,
         lower(b.period) - make_interval(hours => s.key_pickup_hours_before) AS pickup_from,
         upper(b.period) + make_interval(hours => s.key_return_hours_after) AS return_by,
         a.key_out_at, ou.display_name AS out_by, a.key_back_at, bu.display_name AS back_by
    FROM bookings b
    JOIN spaces s ON s.id = b.space_id
    JOIN resources r ON r.id = b.resource_id
    LEFT JOIN organizations bo ON bo.id = b.organization_id
    LEFT JOIN users u ON u.id = b.booker_id AND u.deleted_at IS NULL
    LEFT JOIN booking_access a ON a.booking_id = b.id
    LEFT JOIN users ou ON ou.id = a.key_out_by
    LEFT JOIN users bu ON bu.id = a.key_back_by`;

export function keyState(row: Pick<KeyRow, 'key_out_at' | 'key_back_at' | 'return_by'>, now: Date): KeyState {
  if (row.key_back_at) return 'returned';
  if (!row.key_out_at) return 'to_hand_out';
  return now > row.return_by ? 'overdue' : 'out';
}

export function presentKeyHandover(row: KeyRow, now: Date): KeyHandover {
  const local = (d: Date) => DateTime.fromJSDate(d).setZone(row.zone).toISO({ suppressMilliseconds: true })!;
  return {
    bookingId: row.booking_id,
    state: keyState(row, now),
    space: { id: row.space_id, name: row.space_name },
    resourceName: row.resource_name,
    booker: row.booker_name ? { name: row.booker_name, email: row.booker_email ?? '' } : null,
    organizationName: row.organization_name,
    start: local(row.starts_at),
    end: local(row.ends_at),
    pickupFrom: local(row.pickup_from),
    returnBy: local(row.return_by),
    keyPlace: row.key_place,
    outAt: row.key_out_at ? local(row.key_out_at) : null,
    outBy: row.out_by,
    backAt: row.key_back_at ? local(row.key_back_at) : null,
    backBy: row.back_by,
  };
}
