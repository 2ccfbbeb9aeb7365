import type { Contract, Usage } from '@landraeume/shared';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';

/** Each contract with its terms, its pool, a link to the month's statement, and a quota bar per person. */
export function ContractList({ contracts, usage, month }: { contracts: Contract[]; usage: Usage | undefined; month: string }) {
  const { t, money, number } = useI18n();
  if (!contracts.length) return <p>{t('employer.noContracts')}</p>;
  return (
    <>
      <h2>{t('employer.contracts')}</h2>
      <ul className="booking-list">
        {contracts.map((contract) => {
          const month_ = usage?.contracts.find((c) => c.id === contract.id);
          return (
            <li key={contract.id} className="booking">
              <strong>{contract.name}</strong> · {t(`employer.status.${contract.status}` as MessageKey)} · {t('employer.validity', { from: contract.validFrom, to: contract.validTo })}
              <br />
              {contract.daysPerEmployee !== null && <>{t('employer.perEmployee', { days: contract.daysPerEmployee })} · </>}
              {t('employer.price', { price: money(contract.price.cents), unit: t(`employer.priceUnit.${contract.price.unit}` as MessageKey) })}
              {contract.pool && month_ && (
                <>
                  <br />
                  <label>
                    {t('employer.pool', { used: number(month_.poolUsed), amount: contract.pool.amount, unit: t(`employer.unit.${contract.pool.unit}` as MessageKey) })}{' '}
                    <progress max={contract.pool.amount} value={Math.min(month_.poolUsed, contract.pool.amount)} />
                  </label>
                </>
              )}
              <br />
              <a href={`/api/contracts/${contract.id}/statement?month=${month}`} target="_blank" rel="noreferrer">
                {t('employer.statement', { month })}
              </a>
            </li>
          );
        })}
      </ul>
      {usage && contracts.some((c) => c.daysPerEmployee !== null) && (
        <>
          <h2>{t('employer.quotas')}</h2>
          <ul className="quota-bars">
            {usage.employees
              .filter((e) => e.daysLeft !== null)
              .map((e) => {
                const limit = e.days + (e.daysLeft ?? 0);
                const text = t('employer.quotaBar', { name: e.name, used: e.days, limit });
                return (
                  <li key={e.userId ?? e.name}>
                    <label>
                      {text} <progress max={limit || 1} value={e.days} aria-label={text} />
                    </label>
                  </li>
                );
              })}
          </ul>
        </>
      )}
    </>
  );
}
