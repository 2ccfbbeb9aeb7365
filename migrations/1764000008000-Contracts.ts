import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employer pilot contracts. A booking on a contract points at it and keeps the price billed to
 * the employer in its own price, so a statement never changes when the contract's price does.
 * The quota is not stored: it is the count of the contract's active bookings, counted under the
 * contract row's lock.
 */
export class Contracts1764000008000 implements MigrationInterface {
  name = 'Contracts1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        valid_from date NOT NULL,
        valid_to date NOT NULL CHECK (valid_to >= valid_from),
        space_ids uuid[] NOT NULL DEFAULT '{}',
        provider_ids uuid[] NOT NULL DEFAULT '{}',
        days_per_employee integer CHECK (days_per_employee BETWEEN 1 AND 31),
        pool_unit text CHECK (pool_unit IN ('day', 'hour')),
        pool_amount integer CHECK (pool_amount > 0),
        price_unit text NOT NULL CHECK (price_unit IN ('day', 'hour')),
        price_cents integer NOT NULL CHECK (price_cents >= 0),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'ended')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((pool_unit IS NULL) = (pool_amount IS NULL)),
        CHECK (days_per_employee IS NOT NULL OR pool_amount IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX contracts_employer_idx ON contracts (employer_id)`);

    await q.query(`ALTER TABLE bookings ADD COLUMN contract_id uuid REFERENCES contracts(id)`);
    await q.query(`CREATE INDEX bookings_contract_idx ON bookings (contract_id, lower(period)) WHERE contract_id IS NOT NULL`);
    // Commute figures reach the employer per person only with the person's consent.
    await q.query(`ALTER TABLE users ADD COLUMN share_commute boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN share_commute`);
    await q.query(`ALTER TABLE bookings DROP COLUMN contract_id`);
    await q.query(`DROP TABLE contracts`);
  }
}
