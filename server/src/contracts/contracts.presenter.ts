import type { Contract, ContractStatus, ContractUnit } from '@landraeume/shared';

export interface ContractRow {
  id: string;
  employer_id: string;
  employer_name: string;
  name: string;
  valid_from: string;
  valid_to: string;
  space_ids: string[];
  provider_ids: string[];
  days_per_employee: number | null;
  pool_unit: ContractUnit | null;
  pool_amount: number | null;
  price_unit: ContractUnit;
  price_cents: number;
  status: ContractStatus;
  no_show_consumes_quota: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Dates as text: a contract runs from and to calendar days, not instants. */
export const CONTRACT_SELECT = `
  SELECT c.id, c.employer_id, o.name AS employer_name, c.name, c.valid_from::text AS valid_from, c.valid_to::text AS valid_to,
         c.space_ids::text[] AS space_ids, c.provider_ids::text[] AS provider_ids, c.days_per_employee, c.pool_unit, c.pool_amount,
         c.price_unit, c.price_cents, c.status, c.no_show_consumes_quota, c.created_at, c.updated_at
    FROM contracts c JOIN organizations o ON o.id = c.employer_id`;

export const presentContract = (row: ContractRow): Contract => ({
  id: row.id,
  employer: { id: row.employer_id, name: row.employer_name },
  name: row.name,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  spaceIds: row.space_ids,
  providerIds: row.provider_ids,
  daysPerEmployee: row.days_per_employee,
  pool: row.pool_unit && row.pool_amount !== null ? { unit: row.pool_unit, amount: row.pool_amount } : null,
  price: { unit: row.price_unit, cents: row.price_cents },
  status: row.status,
  noShowConsumesQuota: row.no_show_consumes_quota,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
