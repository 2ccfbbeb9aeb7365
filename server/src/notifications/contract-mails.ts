import type { Locale } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import { monthUse, poolUsed } from '../contracts/contract-quota';
import { monthRange } from '../contracts/months';
import { compose, FOOTER } from './compose';
import type { Mailer } from './mailer';
import { adminsOf, greeting } from './mail-parts';
import type { JobHandler } from './outbox';

interface ContractMailRow {
  name: string;
  employer_id: string;
  employer_name: string;
  days_per_employee: number | null;
  pool_unit: 'day' | 'hour' | null;
  pool_amount: number | null;
}

const UNIT: Record<'day' | 'hour', Record<Locale, string>> = { day: { de: 'Arbeitsplatz-Tage', en: 'desk-days' }, hour: { de: 'Stunden', en: 'hours' } };

/** What the mail says is used, read when it is sent: a cancellation since may have given some back. */
function usageLine(locale: Locale, used: number, limit: number, unit: 'day' | 'hour', who: string | null): string {
  const amount = `${Math.round(used * 100) / 100} / ${limit} ${UNIT[unit][locale]}`;
  if (locale === 'de') return who ? `${who} hat ${amount} des persönlichen Kontingents genutzt.` : `Vom gemeinsamen Pool sind ${amount} genutzt.`;
  return who ? `${who} has used ${amount} of their personal quota.` : `${amount} of the company pool are used.`;
}

/** "Quota nearly used up": to the employer's admins, each in their language, once per contract, month and quota. */
export function contractMailHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string }): Record<string, JobHandler> {
  return {
    async 'contract.quota_mail'(job) {
      const { contractId, month, userId } = job.payload as { contractId: string; month: string; userId?: string };
      const [contract] = (await deps.db.query(
        `SELECT c.name, c.employer_id, o.name AS employer_name, c.days_per_employee, c.pool_unit, c.pool_amount FROM contracts c JOIN organizations o ON o.id = c.employer_id WHERE c.id = $1`,
        [contractId],
      )) as ContractMailRow[];
      if (!contract) return;
      const use = await monthUse(deps.db, contractId, userId ?? '00000000-0000-0000-0000-000000000000', monthRange(month));
      const [person] = userId ? ((await deps.db.query(`SELECT display_name FROM users WHERE id = $1 AND deleted_at IS NULL`, [userId])) as { display_name: string }[]) : [];
      const admins = await adminsOf(deps.db, contract.employer_id);
      for (const admin of admins) {
        const de = admin.locale === 'de';
        const line = userId
          ? usageLine(admin.locale, use.mine, contract.days_per_employee ?? 0, 'day', person?.display_name ?? (de ? 'Eine Person' : 'Someone'))
          : usageLine(admin.locale, poolUsed(contract, use), contract.pool_amount ?? 0, contract.pool_unit ?? 'day', null);
        await deps.mailer.send(
          compose(
            admin.email,
            `${de ? 'Kontingent fast aufgebraucht' : 'Quota nearly used up'}: ${contract.name} (${month})`,
            [
              greeting(admin.locale, admin.display_name),
              de ? `Im Vertrag „${contract.name}“ von ${contract.employer_name} sind für ${month} mindestens 80 % eines Kontingents genutzt.` : `On the contract "${contract.name}" of ${contract.employer_name}, at least 80 % of a quota for ${month} is used.`,
              line,
              de ? 'Weitere Buchungen werden abgelehnt, sobald das Kontingent erschöpft ist.' : 'Further bookings are refused once the quota is used up.',
            ],
            { url: `${deps.publicUrl}/arbeitgeber?monat=${month}`, label: de ? 'Zur Übersicht' : 'Open the overview' },
            FOOTER[admin.locale],
          ),
        );
      }
    },
  };
}
