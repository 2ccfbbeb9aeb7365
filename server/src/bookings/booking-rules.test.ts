import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { IsoWeekday } from '../availability/availability.types';
import { checkBookingRules, wholeDayPeriod, type OpenCalendar, type SpaceRules } from './booking-rules';

const zone = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const DESK = 'desk-1';

const calendar: OpenCalendar = {
  zone,
  openingHours: [
    ...([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).filter((d) => d !== 2).map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' })),
    // Tuesdays close for lunch.
    { weekday: 2, opens: '08:00', closes: '12:00' },
    { weekday: 2, opens: '13:00', closes: '18:00' },
  ],
  closures: [
    { startsOn: '2026-12-28', endsOn: '2026-12-30', resourceId: null },
    { startsOn: '2026-12-07', endsOn: '2026-12-07', resourceId: DESK },
  ],
  holidays: ['2026-12-25'],
  resources: [
    { id: DESK, kind: 'desk', parentId: null, active: true },
    { id: 'desk-2', kind: 'desk', parentId: null, active: true },
  ],
};
const rules: SpaceRules = { zone, slotMinutes: 30, minDurationMinutes: 60, maxDurationMinutes: 480, leadTimeMinutes: 120, horizonDays: 400, capacity: 1 };
const NOW = at('2026-03-01T12:00:00+01:00');

const check = (start: string, end: string, overrides: Partial<{ now: DateTime; attendees: number; rules: SpaceRules; resourceId: string }> = {}) => () =>
  checkBookingRules({
    calendar,
    rules: overrides.rules ?? rules,
    resourceId: overrides.resourceId ?? DESK,
    resourceCapacity: null,
    period: { start: at(start), end: at(end), wholeDay: false },
    attendees: overrides.attendees,
    now: overrides.now ?? NOW,
  });
const code = (code: string) => expect.objectContaining({ code });

describe('booking rules', () => {
  it('accepts a booking inside the hours, on the grid, in time', () => {
    expect(check('2026-03-03T08:00:00+01:00', '2026-03-03T10:00:00+01:00')).not.toThrow();
  });

  it('keeps 08:00–18:00 local on the DST days of 2026', () => {
    const spring = { now: at('2026-03-20T12:00:00+01:00') };
    expect(check('2026-03-29T08:00:00+02:00', '2026-03-29T12:00:00+02:00', spring)).not.toThrow();
    expect(check('2026-03-29T07:00:00+02:00', '2026-03-29T09:00:00+02:00', spring)).toThrow(code('outside_opening_hours'));
    expect(check('2026-03-29T14:00:00+02:00', '2026-03-29T18:00:00+02:00', spring)).not.toThrow();
    const autumn = { now: at('2026-10-20T12:00:00+02:00') };
    expect(check('2026-10-25T08:00:00+01:00', '2026-10-25T12:00:00+01:00', autumn)).not.toThrow();
    expect(check('2026-10-25T08:00:00+02:00', '2026-10-25T10:00:00+01:00', autumn)).toThrow(code('outside_opening_hours'));
  });

  it('measures the grid in local time, also across the DST change', () => {
    expect(check('2026-03-03T08:15:00+01:00', '2026-03-03T10:00:00+01:00')).toThrow(code('off_slot_grid'));
    // 09:30 UTC is 11:30 in summer time: on the grid, though not on a UTC half hour of the winter.
    expect(check('2026-03-30T09:30:00Z', '2026-03-30T10:30:00Z')).not.toThrow();
    // A 45-minute zone offset would break the grid; UTC+14 00:00 is 11:00 local.
    expect(check('2026-03-04T00:00:00+14:00', '2026-03-04T01:00:00+14:00')).not.toThrow();
  });

  it('refuses the past, too little lead time and beyond the horizon', () => {
    expect(check('2026-03-01T10:00:00+01:00', '2026-03-01T11:00:00+01:00')).toThrow(code('in_the_past'));
    expect(check('2026-03-01T13:00:00+01:00', '2026-03-01T14:00:00+01:00')).toThrow(code('lead_time_not_met'));
    expect(check('2027-06-01T08:00:00+02:00', '2027-06-01T09:00:00+02:00')).toThrow(code('beyond_horizon'));
  });

  it('refuses too short and too long, and an end before the start', () => {
    expect(check('2026-03-03T08:00:00+01:00', '2026-03-03T08:30:00+01:00')).toThrow(code('duration_too_short'));
    expect(check('2026-03-05T08:00:00+01:00', '2026-03-05T17:00:00+01:00')).toThrow(code('duration_too_long'));
    expect(check('2026-03-03T10:00:00+01:00', '2026-03-03T08:00:00+01:00')).toThrow(code('invalid_input'));
  });

  it('tells closed (closure, holiday, one resource) from outside the hours', () => {
    const winter = { now: at('2026-12-01T12:00:00+01:00') };
    expect(check('2026-12-29T09:00:00+01:00', '2026-12-29T10:00:00+01:00', winter)).toThrow(code('space_closed'));
    expect(check('2026-12-25T09:00:00+01:00', '2026-12-25T10:00:00+01:00', winter)).toThrow(code('space_closed'));
    expect(check('2026-12-07T09:00:00+01:00', '2026-12-07T10:00:00+01:00', winter)).toThrow(code('space_closed'));
    expect(check('2026-12-07T09:00:00+01:00', '2026-12-07T10:00:00+01:00', { ...winter, resourceId: 'desk-2' })).not.toThrow();
    expect(check('2026-03-03T11:30:00+01:00', '2026-03-03T13:30:00+01:00')).toThrow(code('outside_opening_hours'));
    expect(check('2026-03-03T17:00:00+01:00', '2026-03-03T19:00:00+01:00')).toThrow(code('outside_opening_hours'));
  });

  it('refuses more people than fit', () => {
    expect(check('2026-03-03T08:00:00+01:00', '2026-03-03T10:00:00+01:00', { attendees: 2 })).toThrow(code('capacity_exceeded'));
  });
});

describe('whole-day bookings', () => {
  it('span the day’s open time, split days from first opening to last closing', () => {
    const day = wholeDayPeriod(calendar, rules, DESK, '2026-03-03');
    expect([day.start.toISO(), day.end.toISO()]).toEqual(['2026-03-03T08:00:00.000+01:00', '2026-03-03T18:00:00.000+01:00']);
    expect(day.wholeDay).toBe(true);
  });

  it('last ten real hours on the DST days too', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      const day = wholeDayPeriod(calendar, rules, DESK, date);
      expect(day.end.diff(day.start, 'hours').hours).toBe(10);
      expect(day.start.setZone(zone).toFormat('HH:mm')).toBe('08:00');
    }
  });

  it('are refused on closed days, with the reason', () => {
    expect(() => wholeDayPeriod(calendar, rules, DESK, '2026-12-25')).toThrow(code('space_closed'));
    const noSundays: OpenCalendar = { ...calendar, openingHours: calendar.openingHours.filter((h) => h.weekday !== 7) };
    expect(() => wholeDayPeriod(noSundays, rules, DESK, '2026-03-08')).toThrow(code('outside_opening_hours'));
  });
});
