import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { MUNICIPALITIES } from '@landraeume/shared';
import { nrwHolidays } from '../server/src/spaces/holidays';
import { PILOT_CONTRACTS } from './data/pilot-contracts';
import type { SeedContract, SeedSpace, SeedStaff } from './types';

const ZONE = 'Europe/Berlin';

interface CoveredSpace {
  id: string;
  slug: string;
  lat: number;
  lon: number;
  desks: string[];
  seed: SeedSpace;
}

/** Staff who are not demo accounts cannot sign in: they are there so dashboards have people in them. */
const NO_PASSWORD = '!';

/**
 * Contracts of the pilot employers with three months of past desk-days: the current month up to
 * yesterday and the two before. Written directly (the booking rules refuse the past), inside
 * each contract's quotas. A contract that exists already (by employer and name) is left alone,
 * bookings included, so the seed stays idempotent.
 */
export async function seedPilotContracts(m: EntityManager, organizationIds: Map<string, string>, spaces: SeedSpace[], now: DateTime): Promise<{ contracts: number; bookings: number }> {
  const report = { contracts: 0, bookings: 0 };
  const validFrom = now.setZone(ZONE).minus({ months: 2 }).startOf('month');
  const taken = new Map<string, number>();
  for (const contract of PILOT_CONTRACTS) {
    const employerId = organizationIds.get(contract.employer);
    if (!employerId) throw new Error(`Seed contract refers to an unknown employer "${contract.employer}"`);
    await m.query('UPDATE organizations SET lat = $2, lon = $3 WHERE id = $1 AND lat IS NULL', [employerId, contract.workplace.lat, contract.workplace.lon]);
    const staffIds = await seedStaff(m, employerId, contract.staff);
    const [existing] = (await m.query('SELECT id FROM contracts WHERE employer_id = $1 AND name = $2', [employerId, contract.name])) as { id: string }[];
    if (existing) continue;
    const covered = await coveredSpaces(m, contract, spaces, organizationIds);
    const [row] = (await m.query(
      `INSERT INTO contracts (employer_id, name, valid_from, valid_to, space_ids, provider_ids, days_per_employee, pool_unit, pool_amount, price_unit, price_cents)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        employerId, contract.name, validFrom.toISODate(), validFrom.plus({ years: 1 }).minus({ days: 1 }).toISODate(),
        contract.spaces.map((slug) => covered.find((s) => s.slug === slug)!.id), contract.providers.map((slug) => organizationIds.get(slug)!),
        contract.daysPerEmployee, contract.pool?.unit ?? null, contract.pool?.amount ?? null, contract.price.unit, contract.price.cents,
      ],
    )) as [{ id: string }];
    report.contracts += 1;
    for (const person of contract.staff) if (person.shareCommute) await m.query('UPDATE users SET share_commute = true WHERE lower(email) = lower($1)', [person.email]);
    report.bookings += await seedPastBookings(m, { id: row.id, employerId, seed: contract }, staffIds, covered, validFrom, now.setZone(ZONE).startOf('day'), taken);
  }
  return report;
}

async function seedStaff(m: EntityManager, employerId: string, staff: SeedStaff[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of staff) {
    await m.query(
      `INSERT INTO users (email, display_name, password_hash, locale, home_postcode, email_verified_at) VALUES ($1, $2, $3, 'de', $4, now()) ON CONFLICT DO NOTHING`,
      [person.email, person.name, NO_PASSWORD, person.homePostcode],
    );
    const [user] = (await m.query('SELECT id FROM users WHERE lower(email) = lower($1)', [person.email])) as [{ id: string }];
    await m.query('INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [user.id, employerId, person.role]);
    ids.set(person.email, user.id);
  }
  return ids;
}

async function coveredSpaces(m: EntityManager, contract: SeedContract, spaces: SeedSpace[], organizationIds: Map<string, string>): Promise<CoveredSpace[]> {
  const seeds = spaces.filter((s) => s.kind === 'coworking' && (contract.spaces.includes(s.slug) || contract.providers.includes(s.owner)));
  if (seeds.length < contract.spaces.length) throw new Error(`Seed contract "${contract.name}" names a space that is not a seeded coworking space`);
  for (const provider of contract.providers) if (!organizationIds.has(provider)) throw new Error(`Seed contract refers to an unknown provider "${provider}"`);
  const rows = (await m.query(
    `SELECT s.id, s.slug, s.lat, s.lon, array_agg(r.id::text ORDER BY r.sort_order, r.name) AS desks
       FROM spaces s JOIN resources r ON r.space_id = s.id AND r.kind = 'desk' WHERE s.slug = ANY($1) GROUP BY s.id`,
    [seeds.map((s) => s.slug)],
  )) as Omit<CoveredSpace, 'seed'>[];
  return rows.map((row) => ({ ...row, seed: seeds.find((s) => s.slug === row.slug)! }));
}

/** Near enough for choosing the closest space: degrees of longitude shrink with the cosine of the latitude. */
function nearest(home: { lat: number; lon: number }, covered: CoveredSpace[]): CoveredSpace {
  const cost = (s: CoveredSpace) => (s.lat - home.lat) ** 2 + ((s.lon - home.lon) * Math.cos((home.lat * Math.PI) / 180)) ** 2;
  return [...covered].sort((a, b) => cost(a) - cost(b))[0]!;
}

async function seedPastBookings(
  m: EntityManager,
  contract: { id: string; employerId: string; seed: SeedContract },
  staffIds: Map<string, string>,
  covered: CoveredSpace[],
  from: DateTime,
  today: DateTime,
  taken: Map<string, number>,
): Promise<number> {
  const holidays = new Set(nrwHolidays(from.toISODate()!, today.toISODate()!).map((h) => h.date));
  const perPerson = new Map<string, number>();
  const pool = new Map<string, number>();
  let count = 0;
  for (let day = from; day < today; day = day.plus({ days: 1 })) {
    if (holidays.has(day.toISODate()!)) continue;
    const month = day.toFormat('yyyy-MM');
    for (const person of contract.seed.staff.filter((p) => p.weekdays.includes(day.weekday))) {
      const town = MUNICIPALITIES.find((t) => t.postcode === person.homePostcode);
      if (!town) throw new Error(`Seed staff ${person.email} lives outside the district`);
      const space = nearest(town, covered);
      const opening = space.seed.opening.find((o) => o.weekdays.includes(day.weekday));
      if (!opening) continue;
      const hours = contract.seed.bookedHours === 'whole_day' ? { from: opening.opens, to: opening.closes } : contract.seed.bookedHours;
      const start = DateTime.fromISO(`${day.toISODate()}T${hours.from}`, { zone: ZONE });
      const end = DateTime.fromISO(`${day.toISODate()}T${hours.to}`, { zone: ZONE });
      const length = end.diff(start, 'hours').hours;
      const personKey = `${person.email}:${month}`;
      const used = { mine: perPerson.get(personKey) ?? 0, pool: pool.get(month) ?? 0 };
      const poolNeed = contract.seed.pool?.unit === 'hour' ? length : 1;
      if (contract.seed.daysPerEmployee !== null && used.mine + 1 > contract.seed.daysPerEmployee) continue;
      if (contract.seed.pool && used.pool + poolNeed > contract.seed.pool.amount) continue;
      const deskKey = `${space.id}:${day.toISODate()}`;
      const desk = space.desks[taken.get(deskKey) ?? 0];
      if (!desk) continue;
      taken.set(deskKey, (taken.get(deskKey) ?? 0) + 1);
      perPerson.set(personKey, used.mine + 1);
      pool.set(month, used.pool + poolNeed);
      const price = contract.seed.price.unit === 'hour' ? Math.round(contract.seed.price.cents * length) : contract.seed.price.cents;
      const [booking] = (await m.query(
        `INSERT INTO bookings (space_id, resource_id, booker_id, organization_id, contract_id, period, status, whole_day, price_cents, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, tstzrange($6::timestamptz, $7::timestamptz), 'confirmed', $8, $9, $10, $10) RETURNING id`,
        [space.id, desk, staffIds.get(person.email), contract.employerId, contract.id, start.toISO(), end.toISO(), contract.seed.bookedHours === 'whole_day', price, start.minus({ days: 3 }).toISO()],
      )) as [{ id: string }];
      await m.query('INSERT INTO booking_claims (booking_id, unit_id, period) VALUES ($1, $2, tstzrange($3::timestamptz, $4::timestamptz))', [booking.id, desk, start.toISO(), end.toISO()]);
      count += 1;
    }
  }
  return count;
}
