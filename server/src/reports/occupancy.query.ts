import type { Queryable } from '../db/queryable';
import { nrwHolidays } from '../spaces/holidays';
import { monthBounds } from './months';

export interface OccupancyFigures {
  space_id: string;
  name: string;
  kind: string;
  municipality: string;
  open_hours: number;
  booked_hours: number;
  no_shows: number;
  /** Confirmed bookings plus no-shows that began in the month: what the no-show rate divides by. */
  kept_or_missed: number;
}

/**
 * Booked and open unit-hours of each published space in a month. Open hours come from the weekly
 * opening hours in local time (so an 08:00–18:00 day is 10 hours on the DST days too), minus
 * whole-space closures and, where the space closes on them, NRW holidays; times the number of
 * leaf units (desks, rooms, or the parts of a divided hall), because that is what a booking
 * claims. Booked hours are the confirmed claims, clipped to the month. No-shows (released bookings)
 * are counted by the month they began in, beside the confirmed bookings that began then.
 */
export async function occupancyFigures(db: Queryable, month: string, towns: 'all' | string[]): Promise<OccupancyFigures[]> {
  const { firstDay, dayAfter, from, to } = monthBounds(month);
  const holidays = nrwHolidays(firstDay, dayAfter).map((h) => h.date);
  return (await db.query(
    `WITH s AS (
       SELECT id, name, kind, municipality, holidays_closed FROM spaces
        WHERE published AND ($5::text[] IS NULL OR municipality = ANY($5))
     ),
     units AS (
       SELECT r.space_id, count(*)::int AS n FROM resources r
        WHERE r.space_id IN (SELECT id FROM s) AND r.active
          AND (r.kind <> 'room' OR NOT EXISTS (SELECT 1 FROM resources part WHERE part.parent_id = r.id AND part.active))
          AND (r.parent_id IS NULL OR EXISTS (SELECT 1 FROM resources whole WHERE whole.id = r.parent_id AND whole.active))
        GROUP BY r.space_id
     ),
     open AS (
       SELECT s.id AS space_id, sum(extract(epoch FROM (h.closes - h.opens)) / 3600) AS hours
         FROM s
         CROSS JOIN generate_series($1::date, $2::date - 1, interval '1 day') AS d(day)
         JOIN opening_hours h ON h.space_id = s.id AND h.weekday = extract(isodow FROM d.day)
        WHERE NOT (s.holidays_closed AND d.day::date = ANY($6::date[]))
          AND NOT EXISTS (SELECT 1 FROM closures c WHERE c.space_id = s.id AND c.resource_id IS NULL AND d.day::date BETWEEN c.starts_on AND c.ends_on)
        GROUP BY s.id
     ),
     -- The booker's own time: set-up and clean-up buffers are not use of the room.
     booked AS (
       SELECT b.space_id, sum(extract(epoch FROM (least(upper(b.period), $4::timestamptz) - greatest(lower(b.period), $3::timestamptz))) / 3600) AS hours
         FROM booking_claims k JOIN bookings b ON b.id = k.booking_id
        WHERE b.status = 'confirmed' AND b.space_id IN (SELECT id FROM s) AND b.period && tstzrange($3::timestamptz, $4::timestamptz)
        GROUP BY b.space_id
     ),
     shows AS (
       SELECT space_id, count(*) FILTER (WHERE status = 'no_show')::int AS no_shows, count(*)::int AS kept_or_missed
         FROM bookings
        WHERE status IN ('confirmed', 'no_show') AND space_id IN (SELECT id FROM s) AND lower(period) >= $3::timestamptz AND lower(period) < $4::timestamptz
        GROUP BY space_id
     )
     SELECT s.id AS space_id, s.name, s.kind, s.municipality,
            round((coalesce(open.hours, 0) * coalesce(units.n, 0))::numeric, 2)::float8 AS open_hours,
            round(coalesce(booked.hours, 0)::numeric, 2)::float8 AS booked_hours,
            coalesce(shows.no_shows, 0) AS no_shows, coalesce(shows.kept_or_missed, 0) AS kept_or_missed
       FROM s LEFT JOIN units ON units.space_id = s.id LEFT JOIN open ON open.space_id = s.id LEFT JOIN booked ON booked.space_id = s.id LEFT JOIN shows ON shows.space_id = s.id
      ORDER BY s.municipality, s.name, s.id`,
    [firstDay, dayAfter, from, to, towns === 'all' ? null : towns, holidays],
  )) as OccupancyFigures[];
}
