import { useQuery } from '@tanstack/react-query';
import type { MyContract } from '@landraeume/shared';
import { useEffect, useId } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * "Book through my employer", offered only when one of the person's contracts covers this space;
 * `contractId` is '' for a private booking.
 */
export function ContractChoice({ spaceId, contractId, onChange }: { spaceId: string; contractId: string; onChange(id: string): void }) {
  const { t, number } = useI18n();
  const ids = { use: useId(), which: useId() };
  const mine = useQuery({ queryKey: ['me', 'contracts'], queryFn: () => api<{ items: MyContract[] }>('/api/me/contracts') });
  const covering = (mine.data?.items ?? []).filter((c) => c.coveredSpaceIds.includes(spaceId));
  useEffect(() => {
    if (contractId && !covering.some((c) => c.contract.id === contractId)) onChange('');
  }, [contractId, covering, onChange]);
  if (!covering.length) return null;
  const chosen = covering.find((c) => c.contract.id === contractId);
  return (
    <fieldset className="contract-choice">
      <div className="field checkbox">
        <input id={ids.use} type="checkbox" checked={!!contractId} onChange={(e) => onChange(e.target.checked ? covering[0]!.contract.id : '')} />
        <label htmlFor={ids.use}>{t('space.viaEmployer')}</label>
      </div>
      {contractId && covering.length > 1 && (
        <div className="field">
          <label htmlFor={ids.which}>{t('space.contract')}</label>
          <select id={ids.which} value={contractId} onChange={(e) => onChange(e.target.value)}>
            {covering.map((c) => (
              <option key={c.contract.id} value={c.contract.id}>
                {c.contract.employer.name} – {c.contract.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && (
        <p className="hint" aria-live="polite">
          {chosen.thisMonth.employeeDaysLeft !== null && t('space.quotaLeft', { days: chosen.thisMonth.employeeDaysLeft })}{' '}
          {chosen.thisMonth.poolLeft !== null && t('space.poolLeft', { amount: number(chosen.thisMonth.poolLeft) })}
        </p>
      )}
    </fieldset>
  );
}
