import type { Contract, ContractCreate, ContractUpdate, Workplace } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canManageContracts, canSeeContractsOf, canSetWorkplaceOf, canSeeOrganization } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { DomainError, notFound } from '../http/errors';
import { CONTRACT_SELECT, presentContract, type ContractRow } from './contracts.presenter';

/** The columns a change may touch, with the stored value each field becomes. */
function columnsOf(input: ContractUpdate): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (input.name !== undefined) columns.name = input.name;
  if (input.validFrom !== undefined) columns.valid_from = input.validFrom;
  if (input.validTo !== undefined) columns.valid_to = input.validTo;
  if (input.spaceIds !== undefined) columns.space_ids = input.spaceIds;
  if (input.providerIds !== undefined) columns.provider_ids = input.providerIds;
  if (input.daysPerEmployee !== undefined) columns.days_per_employee = input.daysPerEmployee;
  if (input.pool !== undefined) {
    columns.pool_unit = input.pool?.unit ?? null;
    columns.pool_amount = input.pool?.amount ?? null;
  }
  if (input.price !== undefined) {
    columns.price_unit = input.price.unit;
    columns.price_cents = input.price.cents;
  }
  if (input.status !== undefined) columns.status = input.status;
  if (input.noShowConsumesQuota !== undefined) columns.no_show_consumes_quota = input.noShowConsumesQuota;
  return columns;
}

const CAST: Record<string, string> = { valid_from: '::date', valid_to: '::date', space_ids: '::uuid[]', provider_ids: '::uuid[]', days_per_employee: '::int', pool_amount: '::int', price_cents: '::int' };

/** Contracts as the platform team sets them up and the employer's admins read them. */
export class ContractService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: ContractCreate): Promise<Contract> {
    if (!canManageContracts(actor)) throw new DomainError('forbidden', 'Only the platform team sets up contracts');
    const id = await this.db.transaction(async (m) => {
      const [employer] = (await m.query(`SELECT kind FROM organizations WHERE id = $1`, [input.employerId])) as { kind: string }[];
      if (!employer) throw notFound('Employer');
      if (employer.kind !== 'employer') throw new DomainError('rule_violation', 'Contracts are made with employers', { field: 'employerId' });
      await this.assertCoverageExists(m, input.spaceIds, input.providerIds);
      const [row] = (await m.query(
        `INSERT INTO contracts (employer_id, name, valid_from, valid_to, space_ids, provider_ids, days_per_employee, pool_unit, pool_amount, price_unit, price_cents, status, no_show_consumes_quota)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [input.employerId, input.name, input.validFrom, input.validTo, input.spaceIds, input.providerIds, input.daysPerEmployee, input.pool?.unit ?? null, input.pool?.amount ?? null, input.price.unit, input.price.cents, input.status, input.noShowConsumesQuota],
      )) as [{ id: string }];
      await recordAudit(m, { actorId: actor.id, action: 'contract.created', subjectType: 'contract', subjectId: row.id, data: { ...input } });
      return row.id;
    });
    return this.load(this.db, id);
  }

  /** A change is checked as a whole (the database refuses a contract without any quota) and audited with what it was before. */
  async update(actor: Actor, id: string, input: ContractUpdate): Promise<Contract> {
    if (!canManageContracts(actor)) {
      await this.get(actor, id);
      throw new DomainError('forbidden', 'Only the platform team changes contracts');
    }
    await this.db.transaction(async (m) => {
      const before = await this.load(m, id, 'FOR UPDATE OF c');
      if ((input.validFrom ?? before.validFrom) > (input.validTo ?? before.validTo)) {
        throw new DomainError('invalid_input', 'The contract must not end before it starts', { issues: [{ path: 'validTo', message: 'contract.dates_order' }] });
      }
      const daysPerEmployee = input.daysPerEmployee === undefined ? before.daysPerEmployee : input.daysPerEmployee;
      const pool = input.pool === undefined ? before.pool : input.pool;
      if (daysPerEmployee === null && pool === null) {
        throw new DomainError('invalid_input', 'A contract needs a quota per person or a pool', { issues: [{ path: 'daysPerEmployee', message: 'contract.quota_required' }] });
      }
      if ((input.spaceIds ?? before.spaceIds).length + (input.providerIds ?? before.providerIds).length === 0) {
        throw new DomainError('invalid_input', 'A contract must cover at least one space or provider', { issues: [{ path: 'spaceIds', message: 'contract.coverage_required' }] });
      }
      await this.assertCoverageExists(m, input.spaceIds ?? [], input.providerIds ?? []);
      const columns = columnsOf(input);
      const names = Object.keys(columns);
      if (!names.length) return;
      await m.query(`UPDATE contracts SET ${names.map((n, i) => `${n} = $${i + 2}${CAST[n] ?? ''}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...Object.values(columns)]);
      const changedBefore = Object.fromEntries(Object.keys(input).map((key) => [key, before[key as keyof Contract]]));
      await recordAudit(m, { actorId: actor.id, action: 'contract.changed', subjectType: 'contract', subjectId: id, data: { before: changedBefore, after: input } });
    });
    return this.load(this.db, id);
  }

  async get(actor: Actor, id: string): Promise<Contract> {
    const contract = await this.load(this.db, id);
    if (!canSeeContractsOf(actor, contract.employer.id)) throw notFound('Contract');
    return contract;
  }

  async listOf(actor: Actor, organizationId: string): Promise<Contract[]> {
    if (!canSeeContractsOf(actor, organizationId)) {
      if (canSeeOrganization(actor, organizationId)) throw new DomainError('forbidden', 'Only admins of the employer see its contracts');
      throw notFound('Organization');
    }
    const rows = (await this.db.query(`${CONTRACT_SELECT} WHERE c.employer_id = $1 ORDER BY c.valid_from DESC, c.name`, [organizationId])) as ContractRow[];
    return rows.map(presentContract);
  }

  /** Where the employer's staff would otherwise drive to: the start of every commute figure. */
  async setWorkplace(actor: Actor, organizationId: string, workplace: Workplace): Promise<Workplace> {
    if (!canSetWorkplaceOf(actor, organizationId)) {
      if (canSeeOrganization(actor, organizationId)) throw new DomainError('forbidden', 'Only admins of the organization set its workplace');
      throw notFound('Organization');
    }
    await this.db.transaction(async (m) => {
      const rows = (await m.query(`UPDATE organizations SET lat = $2, lon = $3, updated_at = now() WHERE id = $1 RETURNING id`, [organizationId, workplace.lat, workplace.lon])) as unknown[];
      if (!rows.length) throw notFound('Organization');
      await recordAudit(m, { actorId: actor.id, action: 'organization.workplace_set', subjectType: 'organization', subjectId: organizationId, data: { ...workplace } });
    });
    return workplace;
  }

  private async load(db: DataSource | EntityManager, id: string, lock = ''): Promise<Contract> {
    const [row] = (await db.query(`${CONTRACT_SELECT} WHERE c.id = $1 ${lock}`, [id])) as ContractRow[];
    if (!row) throw notFound('Contract');
    return presentContract(row);
  }

  private async assertCoverageExists(m: EntityManager, spaceIds: string[], providerIds: string[]): Promise<void> {
    const [{ spaces, providers }] = (await m.query(
      `SELECT (SELECT count(*)::int FROM spaces WHERE id = ANY($1::uuid[])) AS spaces,
              (SELECT count(*)::int FROM organizations WHERE id = ANY($2::uuid[]) AND kind IN ('provider', 'municipality')) AS providers`,
      [spaceIds, providerIds],
    )) as [{ spaces: number; providers: number }];
    if (spaces !== new Set(spaceIds).size || providers !== new Set(providerIds).size) {
      throw new DomainError('invalid_input', 'One of the spaces or providers does not exist', { issues: [{ path: 'spaceIds', message: 'contract.invalid_reference' }] });
    }
  }
}
