import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expandSeries } from './recurrence';

const zone = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const starts = (occurrences: { start: DateTime }[]) => occurrences.map((o) => o.start.toISO({ suppressMilliseconds: true }));

describe('expandSeries', () => {
  it('keeps the local time across the autumn change on 2026-10-25', () => {
    const occurrences = expandSeries({ rrule: 'FREQ=WEEKLY;COUNT=3', start: at('2026-10-18T10:00:00+02:00'), end: at('2026-10-18T12:00:00+02:00'), zone, exdates: [] });
    expect(starts(occurrences)).toEqual(['2026-10-18T10:00:00+02:00', '2026-10-25T10:00:00+01:00', '2026-11-01T10:00:00+01:00']);
    expect(occurrences.map((o) => o.end.diff(o.start, 'hours').hours)).toEqual([2, 2, 2]);
  });

  it('keeps the local time across the spring change on 2026-03-29', () => {
    const occurrences = expandSeries({ rrule: 'FREQ=WEEKLY;COUNT=2', start: at('2026-03-22T09:00:00+01:00'), end: at('2026-03-22T10:30:00+01:00'), zone, exdates: [] });
    expect(starts(occurrences)).toEqual(['2026-03-22T09:00:00+01:00', '2026-03-29T09:00:00+02:00']);
  });

  it('handles every n weeks, several weekdays, until a date, exdates and overnight events', () => {
    // UNTIL as a date includes that day, as in the calendar file the booker gets.
    expect(starts(expandSeries({ rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=20261201', start: at('2026-11-03T18:00:00+01:00'), end: at('2026-11-03T19:00:00+01:00'), zone, exdates: ['2026-11-17'] }))).toEqual([
      '2026-11-03T18:00:00+01:00',
      '2026-12-01T18:00:00+01:00',
    ]);
    expect(starts(expandSeries({ rrule: 'FREQ=WEEKLY;COUNT=4;BYDAY=TU,TH', start: at('2026-11-03T18:00:00+01:00'), end: at('2026-11-03T19:00:00+01:00'), zone, exdates: [] }))).toEqual([
      '2026-11-03T18:00:00+01:00',
      '2026-11-05T18:00:00+01:00',
      '2026-11-10T18:00:00+01:00',
      '2026-11-12T18:00:00+01:00',
    ]);
    const overnight = expandSeries({ rrule: 'FREQ=WEEKLY;COUNT=2', start: at('2026-10-24T22:00:00+02:00'), end: at('2026-10-25T02:00:00+01:00'), zone, exdates: [] });
    expect(overnight.map((o) => [o.start.toISO({ suppressMilliseconds: true }), o.end.toISO({ suppressMilliseconds: true })])).toEqual([
      ['2026-10-24T22:00:00+02:00', '2026-10-25T02:00:00+01:00'],
      ['2026-10-31T22:00:00+01:00', '2026-11-01T02:00:00+01:00'],
    ]);
  });

  it('refuses more than 52 dates and rules other than weekly with an end', () => {
    const base = { start: at('2026-11-03T18:00:00+01:00'), end: at('2026-11-03T19:00:00+01:00'), zone, exdates: [] };
    expect(expandSeries({ ...base, rrule: 'FREQ=WEEKLY;COUNT=52' })).toHaveLength(52);
    for (const rrule of ['FREQ=WEEKLY;COUNT=53', 'FREQ=WEEKLY;UNTIL=20300101', 'FREQ=MONTHLY;COUNT=2', 'FREQ=WEEKLY', 'FREQ=WEEKLY;COUNT=2;WKST=MO', 'COUNT=2']) {
      expect(() => expandSeries({ ...base, rrule }), rrule).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
  });

  it('refuses values the rrule library would loop on for ever or fail on, at once', () => {
    const base = { start: at('2026-11-03T18:00:00+01:00'), end: at('2026-11-03T19:00:00+01:00'), zone, exdates: [] };
    for (const rrule of ['FREQ=WEEKLY;COUNT=2;INTERVAL=-1', 'FREQ=WEEKLY;COUNT=2;INTERVAL=X', 'FREQ=WEEKLY;COUNT=2;INTERVAL=0', 'FREQ=WEEKLY;COUNT=2;BYDAY=XX', 'FREQ=WEEKLY;COUNT=2;BYDAY=MO,', 'FREQ=WEEKLY;COUNT=-2', 'FREQ=WEEKLY;UNTIL=2030', 'FREQ=WEEKLY;COUNT', 'FREQ=WEEKLY;COUNT=2;BYDAY=1MO']) {
      expect(() => expandSeries({ ...base, rrule }), rrule).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    expect(expandSeries({ ...base, rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3;BYDAY=TU' })).toHaveLength(3);
  }, 5_000);
});
