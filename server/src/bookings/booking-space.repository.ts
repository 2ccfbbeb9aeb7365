import { DateTime } from 'luxon';
import type { Queryable } from '../db/queryable';
import type { Instant } from '../availability/availability.types';
import type { Resource } from '@landraeume/shared';
import { localWindow } from '../availability/availability';
import { DomainError, notFound } from '../http/errors';
import { closedHolidayDates } from '../spaces/holidays';
import type { SpaceCatalog } from '../spaces/space-catalog';
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
  /** The calendar version all of the above is of; the booking's insert checks it is still current. */
  version: string;
}

/**
 * A space as the booking rules need it, with its calendar around the requested days: from the
 * catalog of fixed parts (spaces/space-catalog.ts) at the version it last saw, or read anew
 * (`fresh`). Unpublished spaces and those of suspended providers cannot be booked.
 */
export async function loadBookableSpace(db: Queryable, catalog: SpaceCatalog, spaceId: string, around: { from: Instant; to: Instant }, fresh = false): Promise<BookableSpace> {
  const entry = await catalog.entry(db, spaceId, fresh);
  if (!entry || !entry.space.published || entry.space.organization_status !== 'active') throw notFound('Space');
  const { space, resources } = entry;
  return {
    id: space.id,
    kind: space.kind,
    organizationId: space.organization_id,
    approval: space.approval,
    rules: {
      zone: space.zone,
      slotMinutes: space.slot_minutes,
      minDurationMinutes: space.min_duration_minutes,
      maxDurationMinutes: space.max_duration_minutes,
      leadTimeMinutes: space.lead_time_minutes,
      horizonDays: space.horizon_days,
      capacity: space.capacity,
    },
    prices: { perHourCents: space.price_per_hour_cents, perDayCents: space.price_per_day_cents, clubPerHourCents: space.club_price_per_hour_cents },
    resources,
    calendar: { ...entry.calendar, holidays: closedHolidayDates(space.holidays_closed, localWindow(space.zone, around)) },
    version: entry.version,
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
