import { DateTime } from 'luxon';
import type { Queryable } from '../db/queryable';
import { prepare, runPrepared } from '../db/prepared';
import type { ClosureDto, OpeningIntervalDto, Resource } from '@landraeume/shared';
import type { IsoWeekday } from '../availability/availability.types';
import { localWindow } from '../availability/availability';
import { DomainError, notFound } from '../http/errors';
import { nrwHolidays } from '../spaces/holidays';
import { calendarColumns } from '../spaces/space-calendar.repository';
import type { OpenCalendar, SpaceRules } from './booking-rules';
import type { Prices } from './pricing';

export interface BookableSpace {
  id: string;
  kind: string;
  organizationId: string;
  approval: 'instant' | 'required';
  rules: SpaceRules;
  prices: Prices;
  resources: Resource[];
  calendar: OpenCalendar;
}

interface SpaceRow {
  id: string;
  kind: string;
  organization_id: string;
  approval: 'instant' | 'required';
  zone: string;
  slot_minutes: 15 | 30 | 60;
  min_duration_minutes: number;
  max_duration_minutes: number;
  lead_time_minutes: number;
  horizon_days: number;
  capacity: number;
  holidays_closed: boolean;
  price_per_hour_cents: number | null;
  price_per_day_cents: number | null;
  club_price_per_hour_cents: number | null;
}

/**
 * A space as the booking rules need it, with its calendar around the requested days, in one
 * round trip: a booking is a handful of statements, and each one costs a trip to the database.
 */
const BOOKABLE_SPACE = prepare(
  'bookable-space',
  `SELECT s.*, ${calendarColumns('$2', '$3')}
     FROM spaces s JOIN organizations o ON o.id = s.organization_id
    WHERE s.id = $1 AND s.published AND o.status = 'active'`,
);

export async function loadBookableSpace(db: Queryable, spaceId: string, around: { from: DateTime; to: DateTime }): Promise<BookableSpace> {
  const [row] = (await runPrepared(db, BOOKABLE_SPACE, [spaceId, around.from.toISO(), around.to.toISO()])) as (SpaceRow & { resources: Resource[]; openingHours: OpeningIntervalDto[]; closures: ClosureDto[] })[];
  if (!row) throw notFound('Space');
  const { firstDay, lastDay } = localWindow(row.zone, around);
  const { resources, openingHours, closures } = row;
  return {
    id: row.id,
    kind: row.kind,
    organizationId: row.organization_id,
    approval: row.approval,
    rules: {
      zone: row.zone,
      slotMinutes: row.slot_minutes,
      minDurationMinutes: row.min_duration_minutes,
      maxDurationMinutes: row.max_duration_minutes,
      leadTimeMinutes: row.lead_time_minutes,
      horizonDays: row.horizon_days,
      capacity: row.capacity,
    },
    prices: { perHourCents: row.price_per_hour_cents, perDayCents: row.price_per_day_cents, clubPerHourCents: row.club_price_per_hour_cents },
    resources,
    calendar: {
      zone: row.zone,
      openingHours: openingHours.map((h) => ({ ...h, weekday: h.weekday as IsoWeekday })),
      closures: closures.map(({ startsOn, endsOn, resourceId }) => ({ startsOn, endsOn, resourceId })),
      holidays: row.holidays_closed ? nrwHolidays(firstDay, lastDay).map((h) => h.date) : [],
      resources: resources.map(({ id, kind, parentId, active }) => ({ id, kind, parentId, active })),
    },
  };
}

/** The units a booking of this resource occupies: its active parts, or itself when undivided. */
export function leafUnitsOf(resources: Resource[], resourceId: string): string[] {
  const parts = resources.filter((r) => r.parentId === resourceId && r.active).map((r) => r.id);
  return (parts.length ? parts : [resourceId]).sort();
}

/** The named resource of the space, refused unless it can be booked. */
export function requireBookable(space: BookableSpace, resourceId: string): string {
  const resource = space.resources.find((r) => r.id === resourceId);
  if (!resource || !isBookable(space.resources, resource)) throw new DomainError('resource_unavailable', 'This desk or room cannot be booked');
  return resourceId;
}

/** Where the space leaves no choice to the server, the booker has to name the desk or room. */
export const resourceRequired = () => new DomainError('invalid_input', 'Please choose a resource', { issues: [{ path: 'resourceId', message: 'resource.required' }] });

/** Bookable means active, and not a part of a disabled whole. */
export function isBookable(resources: Resource[], resource: Resource): boolean {
  if (!resource.active) return false;
  const parent = resource.parentId ? resources.find((r) => r.id === resource.parentId) : undefined;
  return !parent || parent.active;
}

export const localDay = (date: string, zone: string) => DateTime.fromISO(date, { zone });

/** A named resource, or every bookable desk ("any desk"), or the room of a one-room space. */
export function bookingCandidates(space: BookableSpace, resourceId: string | undefined): string[] {
  if (resourceId) return [requireBookable(space, resourceId)];
  const desks = space.resources.filter((r) => r.kind === 'desk' && isBookable(space.resources, r)).map((r) => r.id);
  if (desks.length) return desks;
  const rooms = space.resources.filter((r) => r.kind === 'room' && r.parentId === null && r.active);
  if (rooms.length === 1) return [rooms[0]!.id];
  throw resourceRequired();
}
