import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { priceOf } from './pricing';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const hours = (n: number, wholeDay = false) => ({ start: at('2027-01-05T08:00:00+01:00'), end: at('2027-01-05T08:00:00+01:00').plus({ minutes: n * 60 }), wholeDay });

describe('priceOf', () => {
  it('charges by the hour, pro rata for half hours', () => {
    expect(priceOf({ perHourCents: 400, perDayCents: null, clubPerHourCents: null }, hours(2.5), false)).toBe(1000);
  });
  it('caps hourly charges at the day price, and charges the day price for a whole day', () => {
    expect(priceOf({ perHourCents: 400, perDayCents: 1900, clubPerHourCents: null }, hours(8), false)).toBe(1900);
    expect(priceOf({ perHourCents: 400, perDayCents: 1900, clubPerHourCents: null }, hours(3), false)).toBe(1200);
    expect(priceOf({ perHourCents: 400, perDayCents: 1900, clubPerHourCents: null }, hours(10, true), false)).toBe(1900);
  });
  it('gives clubs their reduced rate, free where it is 0', () => {
    expect(priceOf({ perHourCents: 4500, perDayCents: null, clubPerHourCents: 900 }, hours(2), true)).toBe(1800);
    expect(priceOf({ perHourCents: 1500, perDayCents: null, clubPerHourCents: 0 }, hours(2), true)).toBe(0);
    expect(priceOf({ perHourCents: 1500, perDayCents: null, clubPerHourCents: null }, hours(2), true)).toBe(3000);
  });
  it('is free without any price', () => {
    expect(priceOf({ perHourCents: null, perDayCents: null, clubPerHourCents: null }, hours(4), false)).toBe(0);
  });
});
