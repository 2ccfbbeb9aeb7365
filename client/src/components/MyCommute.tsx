import { useQuery } from '@tanstack/react-query';
import type { MyCommute as MyCommuteFigures } from '@landraeume/shared';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** One's own commuting saved by desk-days on an employer's contract, month by month. */
export function MyCommute() {
  const { t, number } = useI18n();
  const figures = useQuery({ queryKey: ['me', 'commute'], queryFn: () => api<MyCommuteFigures>('/api/me/commute') });
  if (!figures.data?.months.length) return null;
  return (
    <section aria-labelledby="my-commute">
      <h2 id="my-commute">{t('account.commute')}</h2>
      <ul>
        {figures.data.months.map((m) => (
          <li key={m.month}>
            {m.month}: {t('employer.commuteTotals', { days: m.deskDays, km: number(m.kmAvoided), co2: number(m.co2KgAvoided) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
