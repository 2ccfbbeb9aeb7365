import { useQuery } from '@tanstack/react-query';
import type { Contract, Organization, Usage } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { FormAlert } from '../../components/FormAlert';
import { useI18n } from '../../i18n/i18n';
import { ContractList } from './ContractList';
import { CsvDownload } from './CsvDownload';
import { UsageTables } from './UsageTables';
import { MembershipOptions } from '../../components/Options';

const thisMonth = () => DateTime.now().setZone('Europe/Berlin').toFormat('yyyy-MM');

/** The employer dashboard: contracts, quota bars per person, the month's usage, downloads and the commuting saved. */
export function EmployerPage() {
  const { t, number } = useI18n();
  const me = useMe();
  const ids = { org: useId(), month: useId() };
  const [params, setParams] = useSearchParams();
  const isPlatformAdmin = !!me.data?.memberships.some((m) => m.organizationKind === 'platform' && m.role === 'admin');
  // The platform team looks at every employer; an employer's admins at their own.
  const all = useQuery({ queryKey: ['organizations'], queryFn: () => api<{ items: Organization[] }>('/api/organizations'), enabled: isPlatformAdmin });
  const employers = isPlatformAdmin
    ? (all.data?.items ?? []).filter((o) => o.kind === 'employer').map((o) => ({ organizationId: o.id, organizationName: o.name }))
    : (me.data?.memberships.filter((m) => m.organizationKind === 'employer' && m.role === 'admin') ?? []);
  const [organizationId, setOrganizationId] = useState<string | undefined>(undefined);
  const orgId = organizationId ?? employers[0]?.organizationId;
  const month = params.get('monat') ?? thisMonth();
  const contracts = useQuery({ queryKey: ['contracts', orgId], queryFn: () => api<{ items: Contract[] }>(`/api/organizations/${orgId}/contracts`), enabled: !!orgId });
  const usage = useQuery({ queryKey: ['usage', orgId, month], queryFn: () => api<Usage>(`/api/organizations/${orgId}/usage?month=${month}`), enabled: !!orgId });

  if (me.isPending || all.isLoading) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/arbeitgeber" replace />;
  if (!orgId) return <p>{t('employer.none')}</p>;
  return (
    <section>
      <h1>{t('employer.title')}</h1>
      <div className="search-form">
        {employers.length > 1 && (
          <div className="field">
            <label htmlFor={ids.org}>{t('employer.organization')}</label>
            <select id={ids.org} value={orgId} onChange={(e) => setOrganizationId(e.target.value)}>
              <MembershipOptions memberships={employers} />
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.month}>{t('employer.month')}</label>
          <input id={ids.month} type="month" value={month} onChange={(e) => e.target.value && setParams({ monat: e.target.value })} />
        </div>
      </div>
      <FormAlert error={contracts.error ?? usage.error} />
      {contracts.data && <ContractList contracts={contracts.data.items} usage={usage.data} month={month} />}
      {usage.data && (
        <>
          <h2>{t('employer.commute')}</h2>
          <p>
            {t('employer.commuteTotals', { days: usage.data.totals.commute.deskDays, km: number(usage.data.totals.commute.kmAvoided), co2: number(usage.data.totals.commute.co2KgAvoided) })}
          </p>
          <p className="hint">{t('employer.commuteHint')}</p>
          <UsageTables usage={usage.data} />
          <p>
            <CsvDownload organizationId={orgId} month={month} format="en" label={t('employer.csv')} /> · <CsvDownload organizationId={orgId} month={month} format="de" label={t('employer.csvDe')} />
          </p>
        </>
      )}
    </section>
  );
}
