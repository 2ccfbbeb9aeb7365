import type { MyCommute, RegionCommute } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canSeeRegionFigures } from '../accounts/policy';
import { DomainError } from '../http/errors';
import { totalsOf, type CommuteSettings } from './commute';
import { bookingsOfPerson, bookingsOfRegion, type ContractBookingRow } from './contract-bookings.repository';
import { monthOf, monthRange } from './months';

/** The commuting that desk-days on contracts saved: one's own by month, and the region's by town. */
export class CommuteService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: CommuteSettings,
  ) {}

  async mine(actor: Actor): Promise<MyCommute> {
    const rows = await bookingsOfPerson(this.db, actor.id);
    const [{ share_commute: shared }] = (await this.db.query(`SELECT share_commute FROM users WHERE id = $1`, [actor.id])) as [{ share_commute: boolean }];
    const byMonth = new Map<string, ContractBookingRow[]>();
    for (const row of rows) {
      const month = monthOf(DateTime.fromJSDate(row.starts_at));
      byMonth.set(month, [...(byMonth.get(month) ?? []), row]);
    }
    return { shared, months: [...byMonth].map(([month, own]) => ({ month, ...totalsOf(own, this.settings) })), total: totalsOf(rows, this.settings) };
  }

  async region(actor: Actor, month: string): Promise<RegionCommute> {
    if (!canSeeRegionFigures(actor)) throw new DomainError('forbidden', 'Regional figures are for the platform team');
    const rows = await bookingsOfRegion(this.db, monthRange(month));
    const byTown = new Map<string, ContractBookingRow[]>();
    for (const row of rows) byTown.set(row.municipality, [...(byTown.get(row.municipality) ?? []), row]);
    return {
      month,
      total: totalsOf(rows, this.settings),
      towns: [...byTown].sort(([a], [b]) => a.localeCompare(b, 'de')).map(([municipality, own]) => ({ municipality, ...totalsOf(own, this.settings) })),
    };
  }
}
