import type { OpeningIntervalDto } from '@landraeume/shared';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';

export function OpeningHours({ hours }: { hours: OpeningIntervalDto[] }) {
  const { t } = useI18n();
  const days = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: hours.filter((h) => h.weekday === weekday) })).filter((d) => d.intervals.length);
  return (
    <section>
      <h2>{t('space.hours')}</h2>
      <dl className="hours">
        {days.map((d) => (
          <div key={d.weekday}>
            <dt>{t(`weekday.${d.weekday}` as MessageKey)}</dt>
            <dd>{d.intervals.map((i) => `${i.opens}–${i.closes}`).join(', ')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
