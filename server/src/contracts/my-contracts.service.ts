import type { MyContract } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { monthUse, quotaLeft } from './contract-quota';
import { CONTRACT_SELECT, presentContract, type ContractRow } from './contracts.presenter';
import { CONTRACT_ZONE, monthOf, monthRange } from './months';

/** The contracts a person may book on now or next month, with what is left of their quotas. */
export class MyContractsService {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => DateTime = () => DateTime.now(),
  ) {}

  async list(actor: Actor): Promise<MyContract[]> {
    const thisMonth = monthRange(monthOf(this.now()));
    const nextMonth = monthRange(monthOf(thisMonth.to));
    const employers = actor.memberships.map((m) => m.organizationId);
    const rows = (await this.db.query(
      `SELECT q.*, (SELECT coalesce(array_agg(s.id::text ORDER BY s.name), '{}') FROM spaces s
                      WHERE s.id::text = ANY(q.space_ids) OR s.organization_id::text = ANY(q.provider_ids)) AS covered
         FROM (${CONTRACT_SELECT}
                WHERE c.employer_id = ANY($1::uuid[]) AND c.status = 'active' AND c.valid_to >= $2::date AND c.valid_from < $3::date) q
        ORDER BY q.valid_from, q.name`,
      [employers, thisMonth.from.setZone(CONTRACT_ZONE).toISODate(), nextMonth.to.toISODate()],
    )) as (ContractRow & { covered: string[] })[];
    return Promise.all(
      rows.map(async (row) => ({
        contract: presentContract(row),
        coveredSpaceIds: row.covered,
        thisMonth: { month: thisMonth.month, ...quotaLeft(row, await monthUse(this.db, row.id, actor.id, thisMonth)) },
        nextMonth: { month: nextMonth.month, ...quotaLeft(row, await monthUse(this.db, row.id, actor.id, nextMonth)) },
      })),
    );
  }
}
