import { DateTime } from 'luxon';
import type { WaitlistEntry } from '@landraeume/shared';

export interface WaitlistRow {
  id: string;
  user_id: string;
  status: WaitlistEntry['status'];
  space_id: string;
  space_name: string;
  space_slug: string;
  zone: string;
  resource_id: string | null;
  resource_name: string | null;
  starts_at: Date;
  ends_at: Date;
  auto_book: boolean;
  position: number | null;
  held_until: Date | null;
  booking_id: string | null;
  failure: string | null;
  created_at: Date;
}

/** Position counts the waiting entries for an overlapping time of the same space that came first. */
export const WAITLIST_SELECT = `
  SELECT w.id, w.user_id, w.status, w.space_id, s.name AS space_name, s.slug AS space_slug, s.zone, w.resource_id, r.name AS resource_name,
         lower(w.period) AS starts_at, upper(w.period) AS ends_at, w.auto_book, w.booking_id, w.failure, w.created_at,
         CASE WHEN w.status = 'waiting' THEN (SELECT count(*)::int + 1 FROM waitlist_entries o
                WHERE o.status = 'waiting' AND o.space_id = w.space_id AND o.period && w.period AND (o.created_at, o.id) < (w.created_at, w.id)) END AS position,
         CASE WHEN w.status = 'offered' THEN (SELECT expires_at FROM bookings WHERE id = w.booking_id AND status = 'held') END AS held_until
    FROM waitlist_entries w
    JOIN spaces s ON s.id = w.space_id
    LEFT JOIN resources r ON r.id = w.resource_id`;

export function presentWaitlistEntry(row: WaitlistRow): WaitlistEntry {
  const local = (d: Date) => DateTime.fromJSDate(d).setZone(row.zone).toISO({ suppressMilliseconds: true })!;
  return {
    id: row.id,
    status: row.status,
    space: { id: row.space_id, name: row.space_name, slug: row.space_slug, zone: row.zone },
    resource: row.resource_id ? { id: row.resource_id, name: row.resource_name ?? '' } : null,
    start: local(row.starts_at),
    end: local(row.ends_at),
    autoBook: row.auto_book,
    position: row.position,
    heldUntil: row.held_until ? local(row.held_until) : null,
    bookingId: row.booking_id,
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
  };
}
