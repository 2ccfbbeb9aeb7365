import { DateTime } from 'luxon';
import { computeAvailability, freeResourcesFor, localMinutesIn } from '../availability/availability';
import type { AvailabilityContext, SlotMinutes } from '../availability/availability.types';
import { DomainError } from '../http/errors';

const MINUTE = 60_000;

export interface SpaceRules {
  zone: string;
  slotMinutes: SlotMinutes;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  leadTimeMinutes: number;
  horizonDays: number;
  capacity: number;
}

export interface RequestedPeriod {
  start: DateTime;
  end: DateTime;
  wholeDay: boolean;
}

/** The calendar of one space without any bookings: conflicts are the database's business. */
export type OpenCalendar = Omit<AvailabilityContext, 'claims'>;

const withoutClosures = (calendar: OpenCalendar): AvailabilityContext => ({ ...calendar, closures: [], holidays: [], claims: [] });

/** A whole day is the day's open time for that resource, first opening to last closing. */
export function wholeDayPeriod(calendar: OpenCalendar, rules: SpaceRules, resourceId: string, date: string): RequestedPeriod {
  const from = DateTime.fromISO(date, { zone: rules.zone });
  const window = { from: from.toISO()!, to: from.plus({ days: 1 }).toISO()! };
  const freeOf = (context: AvailabilityContext) =>
    computeAvailability({ ...context, slotMinutes: rules.slotMinutes, window }).resources.find((r) => r.resourceId === resourceId)?.free ?? [];
  const open = freeOf({ ...calendar, claims: [] });
  if (open.length === 0) {
    if (freeOf(withoutClosures(calendar)).length > 0) throw new DomainError('space_closed', 'The space is closed on this day');
    throw new DomainError('outside_opening_hours', 'The space is not open on this day');
  }
  return { start: DateTime.fromISO(open[0]!.start, { setZone: true }), end: DateTime.fromISO(open.at(-1)!.end, { setZone: true }), wholeDay: true };
}

/**
 * The booking rules of the design, checked in the space's zone, each failing with its own code
 * so that the client can explain it. Overlaps with other bookings are not checked here: the
 * exclusion constraint decides those atomically.
 */
export function checkBookingRules(input: {
  calendar: OpenCalendar;
  rules: SpaceRules;
  resourceId: string;
  resourceCapacity: number | null;
  period: RequestedPeriod;
  attendees: number | undefined;
  now: DateTime;
}): void {
  const { calendar, rules, resourceId, period, now } = input;
  const { start, end } = period;
  if (end <= start) throw new DomainError('invalid_input', 'The end must be after the start', { issues: [{ path: 'end', message: 'window.invalid' }] });
  if (start < now) throw new DomainError('in_the_past', 'This time has already begun');
  // Minutes are a length of time, so plain milliseconds do; days below are the calendar's.
  if (start.toMillis() < now.toMillis() + rules.leadTimeMinutes * MINUTE) {
    throw new DomainError('lead_time_not_met', `This space must be booked at least ${rules.leadTimeMinutes} minutes ahead`, { leadTimeMinutes: rules.leadTimeMinutes });
  }
  if (start > now.plus({ days: rules.horizonDays })) {
    throw new DomainError('beyond_horizon', `This space can be booked at most ${rules.horizonDays} days ahead`, { horizonDays: rules.horizonDays });
  }
  if (!period.wholeDay) {
    const onGrid = (t: DateTime) => localMinutesIn(rules.zone, t) % rules.slotMinutes === 0;
    if (!onGrid(start) || !onGrid(end)) throw new DomainError('off_slot_grid', `Bookings start and end on a ${rules.slotMinutes}-minute grid`, { slotMinutes: rules.slotMinutes });
    const minutes = (end.toMillis() - start.toMillis()) / MINUTE;
    if (minutes < rules.minDurationMinutes) throw new DomainError('duration_too_short', `Book at least ${rules.minDurationMinutes} minutes`, { minDurationMinutes: rules.minDurationMinutes });
    if (minutes > rules.maxDurationMinutes) throw new DomainError('duration_too_long', `Book at most ${rules.maxDurationMinutes} minutes`, { maxDurationMinutes: rules.maxDurationMinutes });
    if (!freeResourcesFor({ ...calendar, claims: [] }, start, end).includes(resourceId)) {
      if (freeResourcesFor(withoutClosures(calendar), start, end).includes(resourceId)) throw new DomainError('space_closed', 'The space or this resource is closed at this time');
      throw new DomainError('outside_opening_hours', 'This time is outside the opening hours');
    }
  }
  const capacity = input.resourceCapacity ?? rules.capacity;
  if (input.attendees !== undefined && input.attendees > capacity) throw new DomainError('capacity_exceeded', `At most ${capacity} people fit`, { capacity });
}
