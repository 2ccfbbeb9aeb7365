import type { ManagedSpaceDetail } from '@landraeume/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { centsOf, eurosOf, formOf, missingLockFields, updateOf } from './space-form';

const space = {
  id: '6f1c1a3e-8e43-4c4e-9d0a-3c1b1f0a0a01',
  name: 'Bürgerhaus Billerbeck',
  kind: 'event_room',
  description: 'Großer Saal',
  address: { street: 'Markt 1', postcode: '48727', town: 'Billerbeck' },
  municipality: 'Billerbeck',
  location: { lat: 51.97, lon: 7.29 },
  capacity: 120,
  amenities: ['wifi', 'stage'],
  approval: 'required',
  rules: { slotMinutes: 30, minDurationMinutes: 60, maxDurationMinutes: 720, leadTimeMinutes: 1440, horizonDays: 180, cancellationDeadlineHours: 48, noShowGraceMinutes: 30 },
  prices: { perHourCents: 2550, perDayCents: 15000, clubPerHourCents: null },
  houseRules: 'Bitte fegen.',
  accessInstructions: 'Schlüssel im Rathaus',
  holidaysClosed: true,
  accessMode: 'key_handover',
  keyPlace: 'Rathaus, Bürgerbüro',
  keyPickupHoursBefore: 24,
  keyReturnHoursAfter: 12,
  codeLeadMinutes: 60,
  lockAdapter: 'webhook',
  lockUrl: 'https://schloss.example.org/codes',
  lockSecretSet: true,
  setupMinutes: 15,
  cleanupMinutes: 30,
} as unknown as ManagedSpaceDetail;

describe('space editor form', () => {
  it('reads euros as people type them', () => {
    expect(centsOf('12,50')).toBe(1250);
    expect(centsOf(' 12.5 € ')).toBe(1250);
    expect(centsOf('7')).toBe(700);
    expect(centsOf('')).toBeNull();
    expect(centsOf('zwölf')).toBe('zwölf');
    expect(centsOf('1,234')).toBe('1,234');
  });

  it('shows cents as euros in the reader’s notation', () => {
    expect(eurosOf(2550, 'de')).toBe('25,50');
    expect(eurosOf(2550, 'en')).toBe('25.50');
    expect(eurosOf(15000, 'de')).toBe('150');
    expect(eurosOf(null, 'de')).toBe('');
  });

  it('round-trips a space through the form into the PATCH body', () => {
    const body = updateOf(formOf(space, 'de'));
    expect(body).toEqual({
      name: 'Bürgerhaus Billerbeck',
      kind: 'event_room',
      description: 'Großer Saal',
      street: 'Markt 1',
      postcode: '48727',
      municipality: 'Billerbeck',
      lat: 51.97,
      lon: 7.29,
      capacity: 120,
      amenities: ['wifi', 'stage'],
      approval: 'required',
      slotMinutes: 30,
      minDurationMinutes: 60,
      maxDurationMinutes: 720,
      leadTimeMinutes: 1440,
      horizonDays: 180,
      cancellationDeadlineHours: 48,
      pricePerHourCents: 2550,
      pricePerDayCents: 15000,
      clubPricePerHourCents: null,
      houseRules: 'Bitte fegen.',
      accessInstructions: 'Schlüssel im Rathaus',
      holidaysClosed: true,
      accessMode: 'key_handover',
      keyPlace: 'Rathaus, Bürgerbüro',
      keyPickupHoursBefore: 24,
      keyReturnHoursAfter: 12,
      setupMinutes: 15,
      cleanupMinutes: 30,
      noShowGraceMinutes: 30,
    });
  });

  it('never prefills the lock secret, and sends one only when typed', () => {
    const form = { ...formOf(space, 'de'), accessMode: 'smart_lock' as const };
    expect(form.lockSecret).toBe('');
    const kept = updateOf(form);
    expect(kept).toMatchObject({ accessMode: 'smart_lock', codeLeadMinutes: 60, lockAdapter: 'webhook', lockUrl: 'https://schloss.example.org/codes' });
    expect(kept).not.toHaveProperty('lockSecret');
    expect(updateOf({ ...form, lockSecret: 'ein neues geheimes Wort' })).toMatchObject({ lockSecret: 'ein neues geheimes Wort' });
  });

  it('sends only the settings of the chosen access mode', () => {
    const keypad = updateOf({ ...formOf(space, 'de'), accessMode: 'keypad', keyPickupHoursBefore: 'viele' });
    expect(keypad).toMatchObject({ accessMode: 'keypad', codeLeadMinutes: 60 });
    expect(Object.keys(keypad).filter((key) => /^(key|lock)/.test(key))).toEqual([]);
    const byHand = updateOf({ ...formOf(space, 'de'), accessMode: 'smart_lock', lockAdapter: '', lockUrl: 'egal', lockSecret: 'egal' });
    expect(byHand).toMatchObject({ lockAdapter: null });
    expect(byHand).not.toHaveProperty('lockUrl');
    expect(byHand).not.toHaveProperty('lockSecret');
    const staffed = updateOf({ ...formOf(space, 'de'), accessMode: 'staffed' });
    expect(Object.keys(staffed).filter((key) => /^(key|lock|code)/.test(key))).toEqual([]);
  });

  it('reads empty fields as off: no buffer, no release, no lock address', () => {
    const form = { ...formOf(space, 'de'), accessMode: 'smart_lock' as const, setupMinutes: ' ', cleanupMinutes: '', noShowGraceMinutes: '', lockUrl: '  ' };
    expect(updateOf(form)).toMatchObject({ setupMinutes: 0, cleanupMinutes: 0, noShowGraceMinutes: null, lockUrl: null });
    expect(formOf({ ...space, lockAdapter: null, lockUrl: null, rules: { ...space.rules, noShowGraceMinutes: null } }, 'de')).toMatchObject({ lockAdapter: '', lockUrl: '', noShowGraceMinutes: '' });
  });

  it('passes text that is no number on, so the server can name the field', () => {
    expect(updateOf({ ...formOf(space, 'en'), capacity: 'viele', lat: '51,5' })).toMatchObject({ capacity: 'viele', lat: 51.5 });
    expect(updateOf({ ...formOf(space, 'de'), setupMinutes: 'halbe Stunde', noShowGraceMinutes: '10 min', keyPlace: '', keyReturnHoursAfter: '-' })).toMatchObject({
      setupMinutes: 'halbe Stunde',
      noShowGraceMinutes: '10 min',
      keyPlace: '',
      keyReturnHoursAfter: '-',
    });
  });

  it('finds the lock fields a refused lock setup names, and nothing in other refusals', () => {
    expect(missingLockFields(new ApiError(422, 'rule_violation', 'A lock system needs its address and a secret', { missing: ['lockUrl', 'lockSecret'] }))).toEqual(['lockUrl', 'lockSecret']);
    expect(missingLockFields(new ApiError(422, 'rule_violation', 'Not publishable', { missing: ['resources', 'openingHours'] }))).toEqual([]);
    expect(missingLockFields(new ApiError(400, 'validation_failed', 'Invalid', { missing: ['lockUrl'] }))).toEqual([]);
    expect(missingLockFields(new Error('offline'))).toEqual([]);
  });
});
