import type { SpaceDetail } from '@landraeume/shared';
import { useI18n } from '../i18n/i18n';

/** Coming closures of a space (whole or one desk or room), so nobody plans around a day it is shut. */
export function Closures({ space }: { space: SpaceDetail }) {
  const { t, locale } = useI18n();
  if (space.closures.length === 0) return null;
  const format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  const date = (iso: string) => format.format(new Date(`${iso}T00:00:00Z`));
  return (
    <section>
      <h2>{t('space.closures')}</h2>
      <ul className="closure-list">
        {space.closures.map((closure) => {
          const resource = closure.resourceId ? space.resources.find((r) => r.id === closure.resourceId)?.name : undefined;
          return (
            <li key={closure.id}>
              {closure.startsOn === closure.endsOn ? date(closure.startsOn) : `${date(closure.startsOn)} – ${date(closure.endsOn)}`}
              {resource && ` · ${resource}`}
              {closure.reason && ` · ${closure.reason}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
