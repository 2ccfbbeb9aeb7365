import type { ContractUnit } from '@landraeume/shared';
import type { Queryable } from '../db/queryable';
import type { MonthRange } from './months';

/** The bookings that use quota, for a query over `bookings` with the contract's id in `contract_id`. */
export const QUOTA_STATUS = `(status IN ('pending', 'confirmed') OR (status = 'no_show' AND (SELECT no_show_consumes_quota FROM contracts WHERE contracts.id = contract_id)))`;

/** What a contract's month has used so far: the count and hours of its active bookings. */
export interface MonthUse {
  mine: number;
  days: number;
  hours: number;
}

export interface QuotaTerms {
  days_per_employee: number | null;
  pool_unit: ContractUnit | null;
  pool_amount: number | null;
}

/**
 * Each active booking is one desk-day (a desk booking lies within one opening day); active means
 * pending or confirmed, so a cancelled, rejected or expired booking gives its quota back. A no-show
 * keeps its quota where the contract says so: the desk stood empty, but it was kept for the person.
 */
export async function monthUse(db: Queryable, contractId: string, userId: string, range: MonthRange): Promise<MonthUse> {
  const [row] = (await db.query(
    `SELECT count(*) FILTER (WHERE booker_id = $2)::int AS mine, count(*)::int AS days,
            coalesce(sum(extract(epoch FROM upper(period) - lower(period)) / 3600), 0)::float8 AS hours
       FROM bookings WHERE contract_id = $1 AND ${QUOTA_STATUS} AND lower(period) >= $3 AND lower(period) < $4`,
    [contractId, userId, range.from.toISO(), range.to.toISO()],
  )) as [MonthUse];
  return row;
}

export const poolUsed = (terms: QuotaTerms, use: Pick<MonthUse, 'days' | 'hours'>) => (terms.pool_unit === 'hour' ? use.hours : use.days);

export function quotaLeft(terms: QuotaTerms, use: MonthUse): { employeeDaysLeft: number | null; poolLeft: number | null } {
  return {
    employeeDaysLeft: terms.days_per_employee === null ? null : Math.max(0, terms.days_per_employee - use.mine),
    poolLeft: terms.pool_amount === null ? null : Math.max(0, Math.round((terms.pool_amount - poolUsed(terms, use)) * 100) / 100),
  };
}

/** A quota is nearly used up at 80 %: time to tell the employer before staff meet a refusal. */
export const NEARLY_USED = 0.8;
