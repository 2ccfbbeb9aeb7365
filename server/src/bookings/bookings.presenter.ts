import { isoInZone } from '../availability/availability';
import type { Booking, BookingStatus } from '@landraeume/shared';
import { checkInWindow } from '../checkin/checkin-window';
import { prepare } from '../db/prepared';

export interface BookingRow {
  id: string;
  status: BookingStatus;
  space_id: string;
  space_name: string;
  space_slug: string;
  municipality: string;
  zone: string;
  cancellation_deadline_hours: number;
  no_show_grace_minutes: number | null;
  space_organization_id: string;
  space_organization_kind: string;
  resource_id: string;
  resource_name: string;
  resource_kind: 'desk' | 'room' | 'part';
  starts_at: Date;
  ends_at: Date;
  whole_day: boolean;
  purpose: string;
  attendees: number | null;
  price_cents: number | null;
  organization_id: string | null;
  organization_name: string | null;
  booker_id: string | null;
  booker_name: string | null;
  booker_email: string | null;
  decision_reason: string | null;
  series_id: string | null;
  contract_id: string | null;
  sequence: number;
  expires_at: Date | null;
  checked_in_at: Date | null;
  created_at: Date;
}

/** The columns of BookingRow for bookings read as `b` from `source` (the table, or a CTE that just inserted one). */
export const bookingSelectFrom = (source: string) => `
  SELECT b.id, b.status, b.series_id, b.contract_id, b.space_id, s.name AS space_name, s.slug AS space_slug, s.municipality, s.zone, s.cancellation_deadline_hours, s.no_show_grace_minutes,
         s.organization_id AS space_organization_id, so.kind AS space_organization_kind,
         b.resource_id, r.name AS resource_name, r.kind AS resource_kind, lower(b.period) AS starts_at, upper(b.period) AS ends_at,
         b.whole_day, b.purpose, b.attendees, b.price_cents, b.organization_id, bo.name AS organization_name,
         b.booker_id, u.display_name AS booker_name, u.email AS booker_email, b.decision_reason, b.sequence, b.expires_at, b.checked_in_at, b.created_at
    FROM ${source}
    JOIN spaces s ON s.id = b.space_id
    JOIN organizations so ON so.id = s.organization_id
    JOIN resources r ON r.id = b.resource_id
    LEFT JOIN organizations bo ON bo.id = b.organization_id
    LEFT JOIN users u ON u.id = b.booker_id AND u.deleted_at IS NULL`;

export const BOOKING_SELECT = bookingSelectFrom('bookings b');

export const BOOKING_BY_ID = prepare('booking-by-id', `${BOOKING_SELECT} WHERE b.id = $1`);

const HOUR = 3_600_000;

export function presentBooking(row: BookingRow): Booking {
  const local = (d: Date) => isoInZone(d, row.zone);
  return {
    id: row.id,
    status: row.status,
    space: { id: row.space_id, name: row.space_name, slug: row.space_slug, municipality: row.municipality, zone: row.zone },
    resource: { id: row.resource_id, name: row.resource_name, kind: row.resource_kind },
    start: local(row.starts_at),
    end: local(row.ends_at),
    wholeDay: row.whole_day,
    purpose: row.purpose,
    attendees: row.attendees,
    priceCents: row.price_cents ?? 0,
    organization: row.organization_id ? { id: row.organization_id, name: row.organization_name ?? '' } : null,
    contractId: row.contract_id,
    seriesId: row.series_id,
    booker: row.booker_id && row.booker_name ? { id: row.booker_id, name: row.booker_name, email: row.booker_email ?? '' } : null,
    decisionReason: row.decision_reason,
    sequence: row.sequence,
    cancellableUntil: local(new Date(row.starts_at.getTime() - row.cancellation_deadline_hours * HOUR)),
    expiresAt: row.expires_at ? local(row.expires_at) : null,
    checkedInAt: row.checked_in_at ? row.checked_in_at.toISOString() : null,
    checkIn: checkInOf(row, local),
    createdAt: row.created_at.toISOString(),
  };
}

function checkInOf(row: BookingRow, local: (d: Date) => string): Booking['checkIn'] {
  if (row.status !== 'confirmed') return null;
  const window = checkInWindow({ start: row.starts_at, end: row.ends_at, graceMinutes: row.no_show_grace_minutes });
  return { from: local(window.from), until: local(window.until) };
}
