import { describe, expect, it } from 'vitest';
import { checkInWindow, isWithin } from './checkin-window';

const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);

describe('the check-in window', () => {
  it('runs from 15 minutes before the start to the end of the grace period', () => {
    const window = checkInWindow({ start: at('09:00'), end: at('12:00'), graceMinutes: 30 });
    expect(window).toEqual({ from: at('08:45'), until: at('09:30') });
    expect(isWithin(window, at('08:44'))).toBe(false);
    expect(isWithin(window, at('08:45'))).toBe(true);
    expect(isWithin(window, at('09:29'))).toBe(true);
    expect(isWithin(window, at('09:30'))).toBe(false);
  });

  it('ends with the booking when the grace period is longer, or when there is none', () => {
    expect(checkInWindow({ start: at('09:00'), end: at('09:30'), graceMinutes: 60 }).until).toEqual(at('09:30'));
    expect(checkInWindow({ start: at('09:00'), end: at('17:00'), graceMinutes: null })).toEqual({ from: at('08:45'), until: at('17:00') });
  });
});
