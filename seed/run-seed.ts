import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { MUNICIPALITIES } from '@landraeume/shared';
import { SPACE_ACCESS } from './data/access';
import { COWORKING_SPACES } from './data/coworking';
import { ORGANIZATIONS } from './data/organizations';
import { ROOMS } from './data/rooms';
import { DEMO_PASSWORD, DEMO_USERS } from './data/users';
import { seedPendingApplication } from './admission-seed';
import { insertDemand } from './demand';
import { offsetPoint } from './geo';
import { seedPilotContracts } from './pilot-seed';
import type { SeedClosure, SeedSpace } from './types';
import { currentOrNextWinterBreak } from './winter-break';

export const SEED_SPACES: SeedSpace[] = [...COWORKING_SPACES, ...ROOMS];

export interface SeedReport {
  organizations: number;
  users: number;
  spaces: number;
  resources: number;
  contracts: number;
  bookings: number;
  surveyResponses: number;
  demandEvents: number;
}

const ZONE = 'Europe/Berlin';

/**
 * Inserts the Kreis Coesfeld demo data. Idempotent: rows that exist (by slug or e-mail) are left
 * untouched, so running it twice, or on a database someone has edited, changes nothing already there.
 */
export async function runSeed(dataSource: DataSource, hashPassword: (plain: string) => Promise<string>, now: DateTime = DateTime.now().setZone(ZONE)): Promise<SeedReport> {
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  return dataSource.transaction(async (m) => {
    const report: SeedReport = { organizations: 0, users: 0, spaces: 0, resources: 0, contracts: 0, bookings: 0, surveyResponses: 0, demandEvents: 0 };
    const organizationIds = new Map<string, string>();
    for (const org of ORGANIZATIONS) {
      const inserted = (await m.query(
        `INSERT INTO organizations (kind, name, slug, street, postcode, town, municipality, email, website)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [org.kind, org.name, org.slug, org.street ?? null, org.postcode ?? null, org.town ?? org.municipality ?? null, org.municipality ?? null, org.email ?? null, org.website ?? null],
      )) as { id: string }[];
      report.organizations += inserted.length;
      const [row] = (await m.query('SELECT id FROM organizations WHERE slug = $1', [org.slug])) as { id: string }[];
      if (row) organizationIds.set(org.slug, row.id);
    }

    for (const [index, user] of DEMO_USERS.entries()) {
      const inserted = (await m.query(
        `INSERT INTO users (email, display_name, password_hash, locale, home_postcode, email_verified_at)
         VALUES ($1, $2, $3, 'de', $4, now()) ON CONFLICT DO NOTHING RETURNING id`,
        [user.email, user.name, passwordHashes[index], user.homePostcode ?? null],
      )) as { id: string }[];
      const userId = inserted[0]?.id;
      if (!userId) continue;
      report.users += 1;
      for (const membership of user.memberships) {
        await m.query('INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [userId, requireId(organizationIds, membership.organization), membership.role]);
      }
    }

    for (const space of SEED_SPACES) {
      const spaceId = await insertSpace(m, space, requireId(organizationIds, space.owner));
      if (!spaceId) continue;
      report.spaces += 1;
      await applyAccess(m, space.slug, spaceId);
      report.resources += await insertResources(m, space, spaceId);
      await insertOpeningHours(m, space, spaceId);
      await insertClosures(m, space, spaceId, now);
    }
    report.organizations += await seedPendingApplication(m);
    const pilot = await seedPilotContracts(m, organizationIds, SEED_SPACES, now);
    report.contracts = pilot.contracts;
    report.bookings = pilot.bookings;
    Object.assign(report, await insertDemand(m, now));
    return report;
  });
}

/** A desk nobody checked in to within half an hour goes back to those looking for one. */
const COWORKING_NO_SHOW_GRACE_MINUTES = 30;

function requireId(ids: Map<string, string>, slug: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`Seed data refers to an unknown organization "${slug}"`);
  return id;
}

async function insertSpace(m: EntityManager, space: SeedSpace, organizationId: string): Promise<string | undefined> {
  const centre = MUNICIPALITIES.find((town) => town.name === space.municipality);
  if (!centre) throw new Error(`Unknown municipality ${space.municipality}`);
  const { lat, lon } = offsetPoint(centre.lat, centre.lon, space.offset);
  const rows = (await m.query(
    `INSERT INTO spaces (organization_id, kind, name, slug, description, street, postcode, town, municipality, lat, lon, capacity,
       amenities, approval, slot_minutes, min_duration_minutes, max_duration_minutes, lead_time_minutes, horizon_days,
       price_per_hour_cents, price_per_day_cents, club_price_per_hour_cents, house_rules, access_instructions, published, no_show_grace_minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, true, $25)
     ON CONFLICT (slug) DO NOTHING RETURNING id`,
    [
      organizationId, space.kind, space.name, space.slug, space.description, space.street, space.postcode, space.municipality, space.municipality,
      lat, lon, space.capacity, space.amenities, space.approval, space.slotMinutes ?? 30, space.minDurationMinutes ?? 60,
      space.maxDurationMinutes ?? 720, space.leadTimeMinutes ?? 0, space.horizonDays ?? 90, space.pricePerHourCents ?? null,
      space.pricePerDayCents ?? null, space.clubPricePerHourCents ?? null, space.houseRules ?? '', space.accessInstructions ?? '',
      space.kind === 'coworking' ? COWORKING_NO_SHOW_GRACE_MINUTES : null,
    ],
  )) as { id: string }[];
  return rows[0]?.id;
}

async function applyAccess(m: EntityManager, slug: string, spaceId: string): Promise<void> {
  const access = SPACE_ACCESS[slug];
  if (!access) return;
  await m.query(
    `UPDATE spaces SET access_mode = $2, key_place = $3, key_pickup_hours_before = coalesce($4, key_pickup_hours_before),
            key_return_hours_after = coalesce($5, key_return_hours_after), code_lead_minutes = coalesce($6, code_lead_minutes),
            access_instructions = CASE WHEN $7::text IS NULL THEN access_instructions ELSE $7 END
      WHERE id = $1`,
    [spaceId, access.mode, access.keyPlace ?? '', access.keyPickupHoursBefore ?? null, access.keyReturnHoursAfter ?? null, access.codeLeadMinutes ?? null, access.instructions ?? null],
  );
}

async function insertResource(m: EntityManager, values: { spaceId: string; parentId: string | null; kind: 'desk' | 'room' | 'part'; name: string; features: string[]; capacity: number | null; sortOrder: number }): Promise<string> {
  const [row] = (await m.query(
    'INSERT INTO resources (space_id, parent_id, kind, name, features, capacity, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [values.spaceId, values.parentId, values.kind, values.name, values.features, values.capacity, values.sortOrder],
  )) as [{ id: string }];
  return row.id;
}

async function insertResources(m: EntityManager, space: SeedSpace, spaceId: string): Promise<number> {
  let count = 0;
  for (const [index, desk] of (space.desks ?? []).entries()) {
    await insertResource(m, { spaceId, parentId: null, kind: 'desk', name: desk.name, features: desk.features ?? [], capacity: 1, sortOrder: index });
    count += 1;
  }
  for (const [index, room] of (space.rooms ?? []).entries()) {
    const roomId = await insertResource(m, { spaceId, parentId: null, kind: 'room', name: room.name, features: [], capacity: room.capacity, sortOrder: index });
    count += 1;
    for (const [partIndex, part] of (room.parts ?? []).entries()) {
      await insertResource(m, { spaceId, parentId: roomId, kind: 'part', name: part.name, features: [], capacity: part.capacity, sortOrder: partIndex });
      count += 1;
    }
  }
  return count;
}

async function insertOpeningHours(m: EntityManager, space: SeedSpace, spaceId: string): Promise<void> {
  for (const interval of space.opening) {
    for (const weekday of interval.weekdays) {
      await m.query('INSERT INTO opening_hours (space_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)', [spaceId, weekday, interval.opens, interval.closes]);
    }
  }
}

function winterBreak(now: DateTime): SeedClosure {
  const { first, last } = currentOrNextWinterBreak(now);
  // Offsets count in `now`'s own zone, as insertClosures adds them to `now`.
  const dayOffset = (day: DateTime) => Math.round(DateTime.fromISO(day.toISODate()!, { zone: now.zone }).diff(now.startOf('day'), 'days').days);
  return { fromDay: dayOffset(first), toDay: dayOffset(last), reason: 'Weihnachtsschließung' };
}

async function insertClosures(m: EntityManager, space: SeedSpace, spaceId: string, now: DateTime): Promise<void> {
  const closures = [...(space.closures ?? []), ...(space.approval === 'required' ? [winterBreak(now)] : [])];
  for (const closure of closures) {
    const resourceId = closure.resourceName
      ? ((await m.query('SELECT id FROM resources WHERE space_id = $1 AND name = $2', [spaceId, closure.resourceName])) as { id: string }[])[0]?.id
      : null;
    if (closure.resourceName && !resourceId) throw new Error(`Seed closure refers to unknown resource ${closure.resourceName}`);
    await m.query('INSERT INTO closures (space_id, resource_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4, $5)', [
      spaceId,
      resourceId,
      now.plus({ days: closure.fromDay }).toISODate(),
      now.plus({ days: closure.toDay }).toISODate(),
      closure.reason,
    ]);
  }
}
