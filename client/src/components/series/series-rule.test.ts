import { describe, expect, it } from 'vitest';
import { weeklyRule } from './series-rule';

describe('the weekly rule of a series request', () => {
  it('writes a count or an end date, with the interval only when it is not every week', () => {
    expect(weeklyRule(1, { count: 10 })).toBe('FREQ=WEEKLY;COUNT=10');
    expect(weeklyRule(2, { until: '2027-06-30' })).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20270630');
  });

  it('keeps to at most 52 dates and at least every week', () => {
    expect(weeklyRule(1, { count: 80 })).toBe('FREQ=WEEKLY;COUNT=52');
    expect(weeklyRule(0, { count: 0 })).toBe('FREQ=WEEKLY;COUNT=1');
    expect(weeklyRule(Number.NaN, { count: 3.7 })).toBe('FREQ=WEEKLY;COUNT=3');
  });
});
