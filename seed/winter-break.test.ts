import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { currentOrNextWinterBreak, inWinterBreak } from './winter-break';

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' });
const span = (now: string) => {
  const { first, last } = currentOrNextWinterBreak(berlin(now));
  return [first.toISODate(), last.toISODate()];
};

describe('the seeded winter break', () => {
  it('runs from Christmas Eve to New Year’s Day: the one under way, else the next', () => {
    expect(span('2026-12-06T03:00')).toEqual(['2026-12-24', '2027-01-01']);
    expect(span('2026-12-27T08:00')).toEqual(['2026-12-24', '2027-01-01']);
    expect(span('2027-01-01T23:00')).toEqual(['2026-12-24', '2027-01-01']);
    expect(span('2027-01-02T00:30')).toEqual(['2027-12-24', '2028-01-01']);
  });

  it('covers the break’s days in either year and none around them', () => {
    for (const day of ['2026-12-24', '2026-12-30', '2027-01-01']) expect(inWinterBreak(berlin(day)), day).toBe(true);
    for (const day of ['2026-12-23', '2027-01-02', '2026-06-24']) expect(inWinterBreak(berlin(day)), day).toBe(false);
  });
});
