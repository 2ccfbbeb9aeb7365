import type { Statement } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { bookingsOfContract } from './contract-bookings.repository';
import type { ContractService } from './contracts.service';
import { CONTRACT_ZONE, monthRange } from './months';

/** The monthly statement of one contract for the employer's finance office: what it paid for, date by date. */
export class StatementService {
  constructor(
    private readonly db: DataSource,
    private readonly contracts: ContractService,
  ) {}

  async statement(actor: Actor, contractId: string, month: string): Promise<Statement> {
    const contract = await this.contracts.get(actor, contractId);
    const rows = await bookingsOfContract(this.db, contractId, monthRange(month));
    const lines = rows.map((r) => ({
      date: DateTime.fromJSDate(r.starts_at).setZone(CONTRACT_ZONE).toISODate()!,
      space: r.space_name,
      municipality: r.municipality,
      employee: r.booker_name ?? '—',
      hours: Math.round(r.hours * 100) / 100,
      amountCents: r.price_cents,
    }));
    return {
      contract,
      month,
      lines,
      totals: { days: lines.length, hours: Math.round(lines.reduce((s, l) => s + l.hours, 0) * 100) / 100, amountCents: lines.reduce((s, l) => s + l.amountCents, 0) },
    };
  }
}
