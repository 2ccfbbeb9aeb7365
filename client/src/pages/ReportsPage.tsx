import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import type { DemandReport, OccupancyReport, RankingReport } from '@landraeume/shared';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { BarChart } from '../components/BarChart';
import { FormAlert } from '../components/FormAlert';
import { ReportTable } from '../components/ReportTable';
import { useI18n } from '../i18n/i18n';

/** The chart shows the 15 busiest spaces; the table below lists every one, the under-used included. */
const busiest = (rows: OccupancyReport['rows']) => [...rows].sort((a, b) => (b.occupancy ?? 0) - (a.occupancy ?? 0)).slice(0, 15);
const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

/** Demand, occupancy and the coworking ranking for municipalities (their town) and the platform team (all). */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [month, setMonth] = useState(thisMonth);
  const [thresholdPercent, setThresholdPercent] = useState(20);
  const [radiusKm, setRadiusKm] = useState(3);
  const number = (value: number, digits = 1) => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  const validMonth = /^\d{4}-\d{2}$/.test(month);
  const threshold = Math.min(Math.max(thresholdPercent, 0), 100) / 100;
  const demandUrl = `/api/reports/demand?month=${month}`;
  const occupancyUrl = `/api/reports/occupancy?month=${month}&threshold=${threshold}`;
  const rankingUrl = `/api/reports/coworking-ranking?radiusKm=${Math.min(Math.max(radiusKm, 0), 50)}`;
  const allowed = !!me.data?.memberships.some((m) => (m.organizationKind === 'platform' || m.organizationKind === 'municipality') && m.role === 'admin');
  const demand = useQuery({ queryKey: ['report', demandUrl], queryFn: () => api<DemandReport>(demandUrl), enabled: allowed && validMonth });
  const occupancy = useQuery({ queryKey: ['report', occupancyUrl], queryFn: () => api<OccupancyReport>(occupancyUrl), enabled: allowed && validMonth });
  const ranking = useQuery({ queryKey: ['report', rankingUrl], queryFn: () => api<RankingReport>(rankingUrl), enabled: allowed });

  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/berichte" replace />;
  if (!allowed) return <p role="alert">{t('error.forbidden')}</p>;
  const csv = (url: string) => (
    <p>
      <a href={`${url}&format=csv`} download>
        {t('reports.csv')}
      </a>
    </p>
  );
  const isPlatformAdmin = me.data.memberships.some((m) => m.organizationKind === 'platform' && m.role === 'admin');

  return (
    <section>
      <h1>{t('reports.title')}</h1>
      <p className="hint">{t('reports.intro')}</p>
      {isPlatformAdmin && (
        <p>
          <Link to="/admin/umfrage">{t('nav.surveyAdmin')}</Link>
        </p>
      )}
      <div className="report-controls">
        <div className="field">
          <label htmlFor="report-month">{t('reports.month')}</label>
          <input id="report-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="report-threshold">{t('reports.threshold')}</label>
          <input id="report-threshold" type="number" min={0} max={100} step={5} value={thresholdPercent} onChange={(e) => setThresholdPercent(Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="report-radius">{t('reports.radius')}</label>
          <input id="report-radius" type="number" min={0} max={50} step={1} value={radiusKm} onChange={(e) => setRadiusKm(Number(e.target.value))} />
        </div>
      </div>

      <h2>{t('reports.demand.title')}</h2>
      <FormAlert error={demand.error} />
      {demand.data && (
        <>
          <BarChart title={t('reports.demand.chart')} bars={demand.data.rows.map((r) => ({ label: r.municipality, value: r.commuteKmPerDay }))} format={(v) => number(v)} />
          <ReportTable
            caption={t('reports.demand.title')}
            rows={demand.data.rows}
            rowKey={(r) => r.municipality}
            columns={[
              { header: t('reports.demand.municipality'), cell: (r) => r.municipality },
              ...(['responses', 'coworkingInterested', 'commuters', 'commuteKmPerDay', 'clubRoomInterested', 'searches', 'searchesWithoutResult', 'refusedBookings'] as const).map((key) => ({
                header: t(`reports.demand.${key}`),
                cell: (r: DemandReport['rows'][number]) => number(r[key]),
                numeric: true,
              })),
            ]}
          />
          {csv(demandUrl)}
        </>
      )}

      <h2>{t('reports.occupancy.title')}</h2>
      <FormAlert error={occupancy.error} />
      {occupancy.data && occupancy.data.rows.length === 0 && <p>{t('reports.empty')}</p>}
      {!!occupancy.data?.rows.length && (
        <>
          <BarChart title={t('reports.occupancy.chart')} bars={busiest(occupancy.data.rows).map((r) => ({ label: r.name, value: Math.round((r.occupancy ?? 0) * 1000) / 10 }))} format={(v) => `${number(v)} %`} />
          <ReportTable
            caption={t('reports.occupancy.title')}
            rows={occupancy.data.rows}
            rowKey={(r) => r.spaceId}
            columns={[
              { header: t('reports.occupancy.name'), cell: (r) => r.name },
              { header: t('reports.occupancy.municipality'), cell: (r) => r.municipality },
              { header: t('reports.occupancy.openHours'), cell: (r) => number(r.openHours), numeric: true },
              { header: t('reports.occupancy.bookedHours'), cell: (r) => number(r.bookedHours), numeric: true },
              { header: t('reports.occupancy.occupancy'), cell: (r) => (r.occupancy === null ? '–' : `${number(r.occupancy * 100)} %`), numeric: true },
              { header: t('reports.occupancy.underUsed'), cell: (r) => (r.underUsed ? t('reports.yes') : t('reports.no')) },
              { header: t('reports.occupancy.noShows'), cell: (r) => number(r.noShows), numeric: true },
              { header: t('reports.occupancy.noShowRate'), cell: (r) => (r.noShowRate === null ? '–' : `${number(r.noShowRate * 100)} %`), numeric: true },
            ]}
          />
          {csv(occupancyUrl)}
        </>
      )}

      <h2>{t('reports.ranking.title')}</h2>
      <p className="hint">{t('reports.ranking.intro')}</p>
      <FormAlert error={ranking.error} />
      {ranking.data && ranking.data.rows.length === 0 && <p>{t('reports.empty')}</p>}
      {!!ranking.data?.rows.length && (
        <>
          <BarChart title={t('reports.ranking.chart')} bars={ranking.data.rows.slice(0, 12).map((r) => ({ label: r.placeName, value: r.unservedKmPerWeek }))} format={(v) => number(v, 0)} />
          <ReportTable
            caption={t('reports.ranking.title')}
            rows={ranking.data.rows}
            rowKey={(r) => r.place}
            columns={[
              { header: t('reports.ranking.rank'), cell: (r) => r.rank, numeric: true },
              { header: t('reports.ranking.place'), cell: (r) => r.placeName },
              { header: t('reports.ranking.municipality'), cell: (r) => r.municipality },
              { header: t('reports.ranking.carCommuters'), cell: (r) => r.carCommuters, numeric: true },
              { header: t('reports.ranking.carKmPerWeek'), cell: (r) => number(r.carKmPerWeek, 0), numeric: true },
              { header: t('reports.ranking.unservedKmPerWeek'), cell: (r) => number(r.unservedKmPerWeek, 0), numeric: true },
              { header: t('reports.ranking.nearestCoworkingKm'), cell: (r) => (r.nearestCoworkingKm === null ? '–' : number(r.nearestCoworkingKm)), numeric: true },
            ]}
          />
          {csv(rankingUrl)}
        </>
      )}
    </section>
  );
}
