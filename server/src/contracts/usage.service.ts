import type { Usage } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canSeeContractsOf, canSeeOrganization } from '../accounts/policy';
import { DomainError, notFound } from '../http/errors';
import { totalsOf, type CommuteSettings } from './commute';
import { bookingsOfEmployer, type ContractBookingRow } from './contract-bookings.repository';
import { poolUsed, quotaLeft } from './contract-quota';
import { monthRange } from './months';

interface Tally {
  days: number;
  hours: number;
  amountCents: number;
}

const tally = (rows: ContractBookingRow[]): Tally => ({
  days: rows.length,
  hours: Math.round(rows.reduce((sum, r) => sum + r.hours, 0) * 100) / 100,
  amountCents: rows.reduce((sum, r) => sum + r.price_cents, 0),
});

function groupBy<K>(rows: ContractBookingRow[], key: (row: ContractBookingRow) => K): Map<K, ContractBookingRow[]> {
  const groups = new Map<K, ContractBookingRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

interface MonthContractRow {
  id: string;
  name: string;
  days_per_employee: number | null;
  pool_unit: 'day' | 'hour' | null;
  pool_amount: number | null;
  status: string;
}

/** A month of an employer's contracts: per employee, per space, totals, the amount due and the commuting saved. */
export class UsageService {
  constructor(
    private readonly db: DataSource,
    private readonly commute: CommuteSettings,
  ) {}

  async usage(actor: Actor, organizationId: string, month: string): Promise<Usage> {
    if (!canSeeContractsOf(actor, organizationId)) {
      if (canSeeOrganization(actor, organizationId)) throw new DomainError('forbidden', 'Only admins of the employer see its usage');
      throw notFound('Organization');
    }
    const range = monthRange(month);
    const [organization] = (await this.db.query(`SELECT id, name FROM organizations WHERE id = $1`, [organizationId])) as { id: string; name: string }[];
    if (!organization) throw notFound('Organization');
    const contracts = (await this.db.query(
      `SELECT id, name, days_per_employee, pool_unit, pool_amount, status FROM contracts
        WHERE employer_id = $1 AND valid_from < $3::date AND valid_to >= $2::date ORDER BY valid_from, name`,
      [organizationId, range.from.toISODate(), range.to.toISODate()],
    )) as MonthContractRow[];
    const members = (await this.db.query(
      `SELECT u.id, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.deleted_at IS NULL ORDER BY u.display_name`,
      [organizationId],
    )) as { id: string; display_name: string }[];
    const rows = await bookingsOfEmployer(this.db, organizationId, range);

    const byContract = groupBy(rows, (r) => r.contract_id);
    const byPerson = groupBy(rows, (r) => r.booker_id);
    const people = new Map(members.map((m) => [m.id as string | null, m.display_name]));
    // Someone who left the employer (or erased their account) still appears: the money was spent.
    for (const row of rows) if (!people.has(row.booker_id)) people.set(row.booker_id, row.booker_name ?? '—');

    const employees = [...people].map(([userId, name]) => {
      const own = byPerson.get(userId) ?? [];
      // Only a contract one can still book on leaves days to use.
      const perContract = contracts.filter((c) => c.days_per_employee !== null && c.status === 'active');
      const daysLeft = perContract.length && userId
        ? perContract.reduce((sum, c) => sum + quotaLeft(c, { mine: own.filter((r) => r.contract_id === c.id).length, days: 0, hours: 0 }).employeeDaysLeft!, 0)
        : null;
      const shares = own.some((r) => r.share_commute);
      return { userId, name, ...tally(own), daysLeft, commute: shares ? totalsOf(own, this.commute) : null };
    });

    const spaces = [...groupBy(rows, (r) => r.space_id)].map(([spaceId, own]) => ({ spaceId, name: own[0]!.space_name, municipality: own[0]!.municipality, ...tally(own) }));
    return {
      organization,
      month,
      contracts: contracts.map((c) => {
        const own = byContract.get(c.id) ?? [];
        const use = { mine: 0, ...tally(own) };
        return { id: c.id, name: c.name, daysPerEmployee: c.days_per_employee, pool: c.pool_unit && c.pool_amount !== null ? { unit: c.pool_unit, amount: c.pool_amount } : null, poolUsed: poolUsed(c, use), poolLeft: quotaLeft(c, use).poolLeft };
      }),
      employees,
      spaces,
      totals: { ...tally(rows), commute: totalsOf(rows, this.commute) },
    };
  }
}
