import { useQuery } from '@tanstack/react-query';
import type { RegionCommute } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

/** For the platform team: the commuting that contract desk-days saved in the district, per town. */
export function RegionPage() {
  const { t, number } = useI18n();
  const me = useMe();
  const monthId = useId();
  const [month, setMonth] = useState(() => DateTime.now().setZone('Europe/Berlin').toFormat('yyyy-MM'));
  const figures = useQuery({ queryKey: ['region', month], queryFn: () => api<RegionCommute>(`/api/admin/commute?month=${month}`), enabled: !!me.data });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/region" replace />;
  return (
    <section>
      <h1>{t('region.title')}</h1>
      <div className="field">
        <label htmlFor={monthId}>{t('employer.month')}</label>
        <input id={monthId} type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
      </div>
      <FormAlert error={figures.error} />
      {figures.data && (
        <>
          <p>{t('employer.commuteTotals', { days: figures.data.total.deskDays, km: number(figures.data.total.kmAvoided), co2: number(figures.data.total.co2KgAvoided) })}</p>
          <table className="usage-table">
            <thead>
              <tr>
                <th scope="col">{t('region.town')}</th>
                <th scope="col">{t('employer.days')}</th>
                <th scope="col">km</th>
                <th scope="col">kg CO₂</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.towns.map((town) => (
                <tr key={town.municipality}>
                  <th scope="row">{town.municipality}</th>
                  <td>{town.deskDays}</td>
                  <td>{number(town.kmAvoided)}</td>
                  <td>{number(town.co2KgAvoided)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
