import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localMinuteOfDay, toIso, toMillis, zoneNamed } from './local-time';

const ZONES = ['Europe/Berlin', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
// 2026 around both Berlin transitions, plus anywhere in 2000–2040.
const instants = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 2, 28), max: Date.UTC(2026, 2, 30) }),
  fc.integer({ min: Date.UTC(2026, 9, 24), max: Date.UTC(2026, 9, 26) }),
  fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
);
// Local mean time of long ago, no whole minute off UTC, where a hostile request may take the
// engine: written as luxon writes it (which cannot be read back to the second).
const longAgo = fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.UTC(1890, 0, 1) });

describe('cached zone offsets', () => {
  it('write the same ISO text as luxon, milliseconds and odd offsets included', () => {
    fc.assert(
      fc.property(fc.oneof(instants, longAgo), fc.constantFrom(...ZONES), (ms, name) => {
        const zone = zoneNamed(name);
        expect(toIso(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }));
        const local = DateTime.fromMillis(ms, { zone: name });
        expect(localMinuteOfDay(ms, zone)).toBe(local.hour * 60 + local.minute);
      }),
      { numRuns: 2_000 },
    );
  });

  it('read back every instant they write, and other ISO spellings as luxon reads them', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (ms, name) => {
        const local = DateTime.fromMillis(ms, { zone: name });
        expect(toMillis(toIso(ms, zoneNamed(name)), 'instant')).toBe(ms);
        for (const text of [local.toISO()!, local.toUTC().toISO()!, local.toISO({ format: 'basic' })!, local.toISO({ includeOffset: true, suppressSeconds: true })!]) {
          expect(toMillis(text, 'instant')).toBe(DateTime.fromISO(text).toMillis());
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('epoch milliseconds as instants', () => {
  it('are taken as they are', () => {
    expect(toMillis(Date.UTC(2026, 2, 29, 1), 'instant')).toBe(Date.parse('2026-03-29T03:00:00+02:00'));
    expect(toMillis(-1, 'instant')).toBe(-1);
  });

  it.each([NaN, Infinity, -Infinity, 1.5, 8.64e15 + 1])('are rejected when not a whole instant a Date can hold: %s', (ms) => {
    expect(() => toMillis(ms, 'claim start')).toThrow(RangeError);
  });
});
