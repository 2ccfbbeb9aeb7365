import type { DataSource } from 'typeorm';

export interface ContractFixtureOptions {
  employerId: string;
  spaceIds?: string[];
  providerIds?: string[];
  validFrom?: string;
  validTo?: string;
  daysPerEmployee?: number | null;
  pool?: { unit: 'day' | 'hour'; amount: number } | null;
  price?: { unit: 'day' | 'hour'; cents: number };
  status?: 'active' | 'suspended' | 'ended';
  name?: string;
}

/** A contract written directly: for tests of what books on or reads contracts. */
export async function createContract(db: DataSource, options: ContractFixtureOptions): Promise<string> {
  const pool = options.pool === undefined ? null : options.pool;
  const price = options.price ?? { unit: 'day', cents: 1500 };
  const [row] = (await db.query(
    `INSERT INTO contracts (employer_id, name, valid_from, valid_to, space_ids, provider_ids, days_per_employee, pool_unit, pool_amount, price_unit, price_cents, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      options.employerId, options.name ?? 'Pilotvertrag', options.validFrom ?? '2026-01-01', options.validTo ?? '2027-12-31', options.spaceIds ?? [], options.providerIds ?? [],
      options.daysPerEmployee === undefined ? 8 : options.daysPerEmployee, pool?.unit ?? null, pool?.amount ?? null, price.unit, price.cents, options.status ?? 'active',
    ],
  )) as [{ id: string }];
  return row.id;
}
