import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { IsoWeekday } from '../availability/availability.types';
import { checkBookingRules, wholeDayPeriod, type OpenCalendar, type RequestedPeriod, type SpaceRules } from './booking-rules';

// Complements booking-rules.test.ts: one named test per 422 code, and the DST nights of 2026
// where wall-clock arithmetic and real time part ways (the space's zone is Europe/Berlin).
const zone = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const local = (y: number, mo: number, d: number, h: number, mi = 0) => DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone });
const DESK = 'desk-a';
const OTHER = 'desk-b';
const ROOM = 'room';
const allWeek = (opens: string, closes: string) => ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).map((weekday) => ({ weekday, opens, closes }));

const daytime: OpenCalendar = {
  zone,
  openingHours: allWeek('08:00', '18:00'),
  // 2026-12-25 (Christmas, an NRW holiday) as the repository passes it; desk-a is in maintenance on 2026-12-09.
  holidays: ['2026-12-25'],
  closures: [{ startsOn: '2026-12-09', endsOn: '2026-12-09', resourceId: DESK }],
  resources: [
    { id: DESK, kind: 'desk', parentId: null, active: true },
    { id: OTHER, kind: 'desk', parentId: null, active: true },
    { id: ROOM, kind: 'room', parentId: null, active: true },
  ],
};
// Open round the clock, so the nights of the clock changes are bookable.
const roundTheClock: OpenCalendar = { ...daytime, openingHours: allWeek('00:00', '24:00'), holidays: [], closures: [] };
// Wednesdays with a long lunch break: two intervals on one day.
const splitDay: OpenCalendar = {
  ...daytime,
  openingHours: [...allWeek('08:00', '18:00').filter((h) => h.weekday !== 3), { weekday: 3, opens: '08:00', closes: '12:00' }, { weekday: 3, opens: '14:00', closes: '20:00' }],
};
const rules: SpaceRules = { zone, slotMinutes: 30, minDurationMinutes: 60, maxDurationMinutes: 600, leadTimeMinutes: 60, horizonDays: 90, capacity: 20 };
const NOW = at('2026-12-01T12:00:00+01:00');

interface Case {
  start: DateTime;
  end: DateTime;
  wholeDay?: boolean;
  calendar?: OpenCalendar;
  rules?: Partial<SpaceRules>;
  resourceId?: string;
  resourceCapacity?: number | null;
  attendees?: number;
  now?: DateTime;
}
const run = (c: Case) => () =>
  checkBookingRules({
    calendar: c.calendar ?? daytime,
    rules: { ...rules, ...c.rules },
    resourceId: c.resourceId ?? DESK,
    resourceCapacity: c.resourceCapacity ?? null,
    period: { start: c.start, end: c.end, wholeDay: c.wholeDay ?? false } satisfies RequestedPeriod,
    attendees: c.attendees,
    now: c.now ?? NOW,
  });
const code = (code: string) => expect.objectContaining({ code });
const realHours = (p: { start: DateTime; end: DateTime }) => p.end.diff(p.start, 'hours').hours;

describe('one refusal per 422 code', () => {
  const cases: [string, Case][] = [
    ['in_the_past', { start: at('2026-12-01T09:00:00+01:00'), end: at('2026-12-01T10:00:00+01:00') }],
    ['lead_time_not_met', { start: at('2026-12-01T12:30:00+01:00'), end: at('2026-12-01T13:30:00+01:00') }],
    ['beyond_horizon', { start: at('2027-03-02T09:00:00+01:00'), end: at('2027-03-02T10:00:00+01:00') }],
    ['off_slot_grid', { start: at('2026-12-03T09:10:00+01:00'), end: at('2026-12-03T10:10:00+01:00') }],
    ['duration_too_short', { start: at('2026-12-03T09:00:00+01:00'), end: at('2026-12-03T09:30:00+01:00') }],
    ['duration_too_long', { start: at('2026-12-03T08:00:00+01:00'), end: at('2026-12-03T18:00:00+01:00'), rules: { maxDurationMinutes: 480 } }],
    ['outside_opening_hours', { start: at('2026-12-03T17:00:00+01:00'), end: at('2026-12-03T19:00:00+01:00') }],
    ['space_closed', { start: at('2026-12-25T09:00:00+01:00'), end: at('2026-12-25T10:00:00+01:00') }],
    ['capacity_exceeded', { start: at('2026-12-03T09:00:00+01:00'), end: at('2026-12-03T10:00:00+01:00'), resourceId: ROOM, resourceCapacity: 8, attendees: 9 }],
  ];
  it.each(cases)('%s', (expected, c) => {
    expect(run(c)).toThrow(code(expected));
  });

  it('accepts the same request once the broken rule is respected', () => {
    expect(run({ start: at('2026-12-03T09:00:00+01:00'), end: at('2026-12-03T10:00:00+01:00'), resourceId: ROOM, resourceCapacity: 8, attendees: 8 })).not.toThrow();
    // Lead time is exactly met: the boundary is allowed.
    expect(run({ start: at('2026-12-01T13:00:00+01:00'), end: at('2026-12-01T14:00:00+01:00') })).not.toThrow();
  });
});

describe('closures', () => {
  it('closes the whole space on a holiday it observes, but not on the day after', () => {
    expect(run({ start: at('2026-12-25T08:00:00+01:00'), end: at('2026-12-25T18:00:00+01:00'), resourceId: OTHER })).toThrow(code('space_closed'));
    expect(() => wholeDayPeriod(daytime, rules, OTHER, '2026-12-25')).toThrow(code('space_closed'));
    // A space that opted out of holidays gets an empty list from the repository.
    expect(run({ start: at('2026-12-25T08:00:00+01:00'), end: at('2026-12-25T10:00:00+01:00'), calendar: { ...daytime, holidays: [] } })).not.toThrow();
  });

  it('closes only the resource in maintenance, for time ranges and whole days', () => {
    const start = at('2026-12-09T09:00:00+01:00');
    const end = at('2026-12-09T11:00:00+01:00');
    expect(run({ start, end })).toThrow(code('space_closed'));
    expect(run({ start, end, resourceId: OTHER })).not.toThrow();
    expect(() => wholeDayPeriod(daytime, rules, DESK, '2026-12-09')).toThrow(code('space_closed'));
    expect(realHours(wholeDayPeriod(daytime, rules, OTHER, '2026-12-09'))).toBe(10);
  });
});

describe('whole days', () => {
  it('span a split day from its first opening to its last closing, lunch break included', () => {
    const day = wholeDayPeriod(splitDay, rules, DESK, '2026-12-02');
    expect([day.start.toISO(), day.end.toISO()]).toEqual(['2026-12-02T08:00:00.000+01:00', '2026-12-02T20:00:00.000+01:00']);
    // The opening-hours and duration checks are for time ranges; a whole day is the day's hours by construction.
    expect(run({ ...day, wholeDay: true, calendar: splitDay })).not.toThrow();
    // The same span asked as a time range runs through the break.
    expect(run({ start: day.start, end: day.end, calendar: splitDay, rules: { maxDurationMinutes: 720 } })).toThrow(code('outside_opening_hours'));
  });

  it('last 10 real hours on both DST days of 2026, 08:00–18:00 local', () => {
    const spring = wholeDayPeriod(daytime, rules, DESK, '2026-03-29');
    expect([spring.start.toISO(), spring.end.toISO()]).toEqual(['2026-03-29T08:00:00.000+02:00', '2026-03-29T18:00:00.000+02:00']);
    const autumn = wholeDayPeriod(daytime, rules, DESK, '2026-10-25');
    expect([autumn.start.toISO(), autumn.end.toISO()]).toEqual(['2026-10-25T08:00:00.000+01:00', '2026-10-25T18:00:00.000+01:00']);
    expect([realHours(spring), realHours(autumn)]).toEqual([10, 10]);
  });

  it('last 23 and 25 real hours where the space never closes', () => {
    expect(realHours(wholeDayPeriod(roundTheClock, rules, DESK, '2026-03-29'))).toBe(23);
    expect(realHours(wholeDayPeriod(roundTheClock, rules, DESK, '2026-10-25'))).toBe(25);
  });
});

describe('the DST days of 2026', () => {
  const spring = { now: at('2026-03-20T12:00:00+01:00') };
  const autumn = { now: at('2026-10-20T12:00:00+02:00') };

  it('keeps 08:00–18:00 local bookable, and 07:30 local outside the hours, whatever the offset', () => {
    expect(run({ ...spring, start: local(2026, 3, 29, 8), end: local(2026, 3, 29, 18) })).not.toThrow();
    expect(run({ ...autumn, start: local(2026, 10, 25, 8), end: local(2026, 10, 25, 18) })).not.toThrow();
    // 06:30 UTC is 08:30 in summer time but 07:30 on the winter-time day after the change.
    expect(run({ ...autumn, start: at('2026-10-25T06:30:00Z'), end: at('2026-10-25T08:30:00Z') })).toThrow(code('outside_opening_hours'));
    expect(run({ ...spring, start: at('2026-03-29T06:30:00Z'), end: at('2026-03-29T08:30:00Z') })).not.toThrow();
  });

  it('has no 02:30 on 2026-03-29: the wall clock jumps from 02:00 to 03:00', () => {
    const missing = local(2026, 3, 29, 2, 30);
    // luxon moves a non-existent local time forward by the gap; the offset written with it says summer time.
    expect(missing.toISO()).toBe('2026-03-29T03:30:00.000+02:00');
    // "02:30+01:00" names the same instant as 03:30+02:00, on the grid in local time.
    expect(at('2026-03-29T02:30:00+01:00').toMillis()).toBe(missing.toMillis());
    // 01:30 to "02:30" is really 01:30–03:30 local: one hour, not the two the wall clock suggests.
    const booked = { ...spring, calendar: roundTheClock, start: local(2026, 3, 29, 1, 30), end: missing };
    expect(realHours(booked)).toBe(1);
    expect(run({ ...booked, rules: { minDurationMinutes: 90 } })).toThrow(code('duration_too_short'));
    expect(run(booked)).not.toThrow();
  });

  it('has 02:30 twice on 2026-10-25, both on the grid', () => {
    const first = at('2026-10-25T02:30:00+02:00');
    const second = at('2026-10-25T02:30:00+01:00');
    expect(second.diff(first, 'minutes').minutes).toBe(60);
    expect(run({ ...autumn, calendar: roundTheClock, start: first, end: second })).not.toThrow();
    expect(run({ ...autumn, calendar: roundTheClock, start: at('2026-10-25T02:00:00+02:00'), end: at('2026-10-25T02:00:00+01:00') })).not.toThrow();
  });

  it('checks the grid in local time on the DST days', () => {
    // 01:00 UTC is 03:00 local in summer time (on the grid); 01:15 UTC is 03:15 (off it).
    expect(run({ ...spring, calendar: roundTheClock, start: at('2026-03-29T01:00:00Z'), end: at('2026-03-29T02:00:00Z') })).not.toThrow();
    expect(run({ ...spring, calendar: roundTheClock, start: at('2026-03-29T01:15:00Z'), end: at('2026-03-29T02:15:00Z') })).toThrow(code('off_slot_grid'));
    // With an hourly grid the repeated hour of 2026-10-25 is on the grid both times, half past is not.
    const hourly = { ...autumn, calendar: roundTheClock, rules: { slotMinutes: 60 as const } };
    expect(run({ ...hourly, start: at('2026-10-25T02:00:00+01:00'), end: at('2026-10-25T03:00:00+01:00') })).not.toThrow();
    expect(run({ ...hourly, start: at('2026-10-25T02:30:00+01:00'), end: at('2026-10-25T03:30:00+01:00') })).toThrow(code('off_slot_grid'));
  });

  it('measures durations in real time: 00:00–06:00 local is 5 h in spring and 7 h in autumn', () => {
    const sixHours = { calendar: roundTheClock, rules: { maxDurationMinutes: 360 } };
    expect(run({ ...spring, ...sixHours, start: local(2026, 3, 29, 0), end: local(2026, 3, 29, 6) })).not.toThrow();
    expect(run({ ...autumn, ...sixHours, start: local(2026, 10, 25, 0), end: local(2026, 10, 25, 6) })).toThrow(code('duration_too_long'));
  });

  it('measures lead time in real time across the change', () => {
    const now = at('2026-03-28T23:00:00+01:00');
    const fourHours = { now, calendar: roundTheClock, rules: { leadTimeMinutes: 240 } };
    // 03:00 local is 4 hours ahead on the wall clock but only 3 in real time.
    expect(run({ ...fourHours, start: local(2026, 3, 29, 3), end: local(2026, 3, 29, 4) })).toThrow(code('lead_time_not_met'));
    expect(run({ ...fourHours, start: local(2026, 3, 29, 4), end: local(2026, 3, 29, 5) })).not.toThrow();
  });
});
