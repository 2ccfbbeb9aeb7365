import type { SpaceSummary } from '@landraeume/shared';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/de';

export function SpaceCard({ space }: { space: SpaceSummary }) {
  const { t, money } = useI18n();
  const price =
    space.kind === 'coworking' && space.prices.perDayCents !== null
      ? t('space.perDay', { price: money(space.prices.perDayCents) })
      : space.prices.perHourCents
        ? t('space.perHour', { price: money(space.prices.perHourCents) })
        : t('space.free');
  return (
    <article className="card" data-testid="space-card" aria-labelledby={`space-${space.id}`}>
      {space.photos[0] && <img src={space.photos[0]} alt="" loading="lazy" className="card-photo" />}
      <h2 id={`space-${space.id}`}>
        <Link to={`/raeume/${space.slug}`}>{space.name}</Link>
      </h2>
      <p className="card-meta">
        <span>{t(`kind.${space.kind}` as MessageKey)}</span> · <span>{space.municipality}</span>
        {space.distanceKm !== null && <> · {t('space.distance', { km: space.distanceKm.toLocaleString('de-DE') })}</>}
      </p>
      <p className="card-address">
        {space.address.street}, {space.address.postcode} {space.address.town}
      </p>
      <p>
        {space.kind === 'coworking' ? t('space.desks', { count: space.deskCount }) : t('space.capacity', { count: space.capacity })}
        {space.freeUnits !== null && <strong className="badge badge-free"> {t('space.freeUnits', { count: space.freeUnits })}</strong>}
      </p>
      <p className="card-price">
        {price} · {space.approval === 'required' ? <span className="badge">{t('space.approval')}</span> : t('space.instant')}
      </p>
    </article>
  );
}
