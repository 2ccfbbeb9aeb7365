import { describe, expect, it } from 'vitest';
import { AMENITIES, MUNICIPALITY_NAMES, RESOURCE_FEATURES } from '@landraeume/shared';
import { SPACE_ACCESS } from './data/access';
import { COWORKING_SPACES } from './data/coworking';
import { ORGANIZATIONS } from './data/organizations';
import { ROOMS } from './data/rooms';
import { DEMO_USERS } from './data/users';
import { SEED_SPACES } from './run-seed';

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

describe('the Kreis Coesfeld demo data', () => {
  it('covers every town with rooms and the district with coworking desks', () => {
    expect(COWORKING_SPACES.length).toBeGreaterThanOrEqual(12);
    expect(ROOMS.length).toBeGreaterThanOrEqual(30);
    for (const town of MUNICIPALITY_NAMES) {
      expect(ROOMS.some((room) => room.municipality === town), town).toBe(true);
      expect(ORGANIZATIONS.some((org) => org.kind === 'municipality' && org.municipality === town), town).toBe(true);
    }
    for (const space of COWORKING_SPACES) {
      expect(space.desks?.length ?? 0, space.slug).toBeGreaterThanOrEqual(4);
      expect(space.desks?.length ?? 0, space.slug).toBeLessThanOrEqual(20);
    }
  });

  it('has the organizations and one demo account per role', () => {
    const kinds = ORGANIZATIONS.map((org) => org.kind);
    expect(kinds.filter((k) => k === 'platform')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'provider').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'employer').length).toBeGreaterThanOrEqual(3);
    expect(kinds.filter((k) => k === 'club').length).toBeGreaterThanOrEqual(4);
    const employers = ORGANIZATIONS.filter((o) => o.kind === 'employer');
    expect(employers.some((o) => o.name.startsWith('Kreisverwaltung')), 'a public employer').toBe(true);
    expect(employers.some((o) => o.town === 'Münster' || o.municipality === 'Coesfeld'), 'a workplace in Münster or Coesfeld').toBe(true);
    const roles = new Set(DEMO_USERS.map((u) => u.role));
    expect(roles.size).toBe(DEMO_USERS.length);
    expect(new Set(DEMO_USERS.map((u) => u.email.toLowerCase())).size).toBe(DEMO_USERS.length);
    for (const user of DEMO_USERS) for (const m of user.memberships) expect(ORGANIZATIONS.some((o) => o.slug === m.organization), m.organization).toBe(true);
  });

  it('has at least two halls bookable whole or by parts', () => {
    const divisible = ROOMS.filter((room) => room.rooms?.some((r) => (r.parts?.length ?? 0) >= 2));
    expect(divisible.length).toBeGreaterThanOrEqual(2);
    for (const hall of divisible) {
      for (const whole of hall.rooms ?? []) {
        const parts = whole.parts ?? [];
        if (parts.length) expect(parts.reduce((sum, p) => sum + p.capacity, 0)).toBe(whole.capacity);
      }
    }
  });

  it('is consistent: unique slugs, known owners, amenities, features, valid hours and prices', () => {
    const slugs = [...ORGANIZATIONS.map((o) => o.slug), ...SEED_SPACES.map((s) => s.slug)];
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const space of SEED_SPACES) {
      expect(ORGANIZATIONS.some((o) => o.slug === space.owner), space.slug).toBe(true);
      expect(space.postcode).toMatch(/^[0-9]{5}$/);
      for (const amenity of space.amenities) expect(AMENITIES).toContain(amenity);
      for (const desk of space.desks ?? []) for (const f of desk.features ?? []) expect(RESOURCE_FEATURES).toContain(f);
      expect(space.opening.length, space.slug).toBeGreaterThan(0);
      for (const interval of space.opening) {
        expect(interval.opens).toMatch(TIME);
        expect(interval.closes).toMatch(TIME);
        expect(interval.closes > interval.opens, space.slug).toBe(true);
        for (const day of interval.weekdays) expect(day >= 1 && day <= 7).toBe(true);
      }
      for (const cents of [space.pricePerHourCents, space.pricePerDayCents, space.clubPricePerHourCents]) {
        if (cents !== undefined) expect(Number.isInteger(cents) && cents >= 0).toBe(true);
      }
      expect(space.desks?.length || space.rooms?.length, space.slug).toBeGreaterThan(0);
    }
  });

  it('has village halls with key handover, one keypad and one smart lock, all on seeded rooms', () => {
    const modes = Object.values(SPACE_ACCESS).map((a) => a.mode);
    expect(modes.filter((m) => m === 'key_handover').length).toBeGreaterThanOrEqual(3);
    expect(modes).toContain('keypad');
    expect(modes).toContain('smart_lock');
    for (const [slug, access] of Object.entries(SPACE_ACCESS)) {
      expect(ROOMS.some((room) => room.slug === slug), slug).toBe(true);
      if (access.mode === 'key_handover') expect(access.keyPlace, slug).toBeTruthy();
    }
  });
});
