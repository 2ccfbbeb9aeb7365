import type { DateTime } from 'luxon';
import type { Actor } from '../accounts/actor';
import { canBookOnContractOf } from '../accounts/policy';
import type { Queryable } from '../db/queryable';
import { DomainError, notFound } from '../http/errors';
import { enqueue } from '../notifications/outbox';
import { monthUse, NEARLY_USED, poolUsed, quotaLeft, type QuotaTerms } from './contract-quota';
import { localDateOf, monthOf, monthRange } from './months';

interface LockedContract extends QuotaTerms {
  id: string;
  employer_id: string;
  status: string;
  valid_from: string;
  valid_to: string;
  space_ids: string[];
  provider_ids: string[];
  price_unit: 'day' | 'hour';
  price_cents: number;
}

/** The contract side of a booking: who pays, how much, and what to do once the booking is in. */
export interface ContractCharge {
  contractId: string;
  employerId: string;
  priceCents: number;
  /** Enqueues the "quota nearly used up" mail if this booking crossed 80 %; call after the insert succeeded. */
  afterBooking(db: Queryable): Promise<void>;
}

const notApplicable = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('contract_not_applicable', message, { reason, ...details });

/**
 * Checks a booking against its contract and locks the contract row for the rest of the
 * booking's transaction, so concurrent bookings on one contract count one after another and the
 * quota can never be exceeded. Lock order: the contract first, then (in the booking writer) the
 * desks — every path that takes both takes them in this order.
 */
export async function chargeContract(
  qr: Queryable,
  actor: Actor,
  contractId: string,
  space: { id: string; organizationId: string },
  period: { start: DateTime; end: DateTime },
): Promise<ContractCharge> {
  const [contract] = (await qr.query(
    `SELECT id, employer_id, status, valid_from::text AS valid_from, valid_to::text AS valid_to, space_ids::text[] AS space_ids, provider_ids::text[] AS provider_ids,
            days_per_employee, pool_unit, pool_amount, price_unit, price_cents
       FROM contracts WHERE id = $1 FOR UPDATE`,
    [contractId],
  )) as LockedContract[];
  if (!contract || !canBookOnContractOf(actor, contract.employer_id)) throw notFound('Contract');
  if (contract.status !== 'active') throw notApplicable('contract_inactive', 'This contract is not active', { status: contract.status });
  const day = localDateOf(period.start);
  if (day < contract.valid_from || day > contract.valid_to) {
    throw notApplicable('outside_validity', `The contract runs from ${contract.valid_from} to ${contract.valid_to}`, { validFrom: contract.valid_from, validTo: contract.valid_to });
  }
  if (!contract.space_ids.includes(space.id) && !contract.provider_ids.includes(space.organizationId)) {
    throw notApplicable('space_not_covered', 'The contract does not cover this space');
  }

  const hours = period.end.diff(period.start, 'hours').hours;
  const range = monthRange(monthOf(period.start));
  const use = await monthUse(qr, contract.id, actor.id, range);
  const left = quotaLeft(contract, use);
  if (left.employeeDaysLeft !== null && left.employeeDaysLeft < 1) {
    throw new DomainError('quota_exceeded', 'Your desk-days on this contract are used up for this month', { quota: 'employee', unit: 'day', month: range.month, limit: contract.days_per_employee, used: use.mine, left: left.employeeDaysLeft });
  }
  const requested = contract.pool_unit === 'hour' ? hours : 1;
  if (left.poolLeft !== null && left.poolLeft < requested) {
    throw new DomainError('quota_exceeded', 'The company’s pool on this contract is used up for this month', { quota: 'pool', unit: contract.pool_unit, month: range.month, limit: contract.pool_amount, used: poolUsed(contract, use), left: left.poolLeft, requested });
  }

  return {
    contractId: contract.id,
    employerId: contract.employer_id,
    priceCents: Math.round(contract.price_unit === 'hour' ? contract.price_cents * hours : contract.price_cents),
    async afterBooking(db) {
      const key = `contract:${contract.id}:${range.month}:quota80`;
      const after = { mine: use.mine + 1, days: use.days + 1, hours: use.hours + hours };
      if (contract.pool_amount !== null && poolUsed(contract, after) >= NEARLY_USED * contract.pool_amount) {
        await enqueue(db, { kind: 'contract.quota_mail', key, payload: { contractId: contract.id, month: range.month } });
      }
      if (contract.days_per_employee !== null && after.mine >= NEARLY_USED * contract.days_per_employee) {
        await enqueue(db, { kind: 'contract.quota_mail', key: `${key}:${actor.id}`, payload: { contractId: contract.id, month: range.month, userId: actor.id } });
      }
    },
  };
}
