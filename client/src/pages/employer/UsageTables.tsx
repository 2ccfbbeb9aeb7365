import type { Usage } from '@landraeume/shared';
import { useI18n } from '../../i18n/i18n';

/** The month per person and per place, with totals; numbers in the reader's format. */
export function UsageTables({ usage }: { usage: Usage }) {
  const { t, money, number } = useI18n();
  return (
    <>
      <h2>{t('employer.usage')}</h2>
      <table className="usage-table">
        <thead>
          <tr>
            <th scope="col">{t('employer.employee')}</th>
            <th scope="col">{t('employer.days')}</th>
            <th scope="col">{t('employer.hours')}</th>
            <th scope="col">{t('employer.amount')}</th>
            <th scope="col">{t('employer.daysLeft')}</th>
            <th scope="col">{t('employer.commute')}</th>
          </tr>
        </thead>
        <tbody>
          {usage.employees.map((e) => (
            <tr key={e.userId ?? e.name}>
              <th scope="row">{e.name}</th>
              <td>{e.days}</td>
              <td>{number(e.hours)}</td>
              <td>{money(e.amountCents)}</td>
              <td>{e.daysLeft ?? '–'}</td>
              <td>{e.commute ? `${number(e.commute.kmAvoided)} km · ${number(e.commute.co2KgAvoided)} kg CO₂` : '–'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('employer.total')}</th>
            <td>{usage.totals.days}</td>
            <td>{number(usage.totals.hours)}</td>
            <td>{money(usage.totals.amountCents)}</td>
            <td />
            <td>{`${number(usage.totals.commute.kmAvoided)} km · ${number(usage.totals.commute.co2KgAvoided)} kg CO₂`}</td>
          </tr>
        </tfoot>
      </table>
      <h2>{t('employer.spaces')}</h2>
      <table className="usage-table">
        <thead>
          <tr>
            <th scope="col">{t('employer.space')}</th>
            <th scope="col">{t('employer.days')}</th>
            <th scope="col">{t('employer.hours')}</th>
            <th scope="col">{t('employer.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {usage.spaces.map((s) => (
            <tr key={s.spaceId}>
              <th scope="row">
                {s.name}, {s.municipality}
              </th>
              <td>{s.days}</td>
              <td>{number(s.hours)}</td>
              <td>{money(s.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
