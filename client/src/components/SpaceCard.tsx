import type { SpaceSummary } from '@landraeume/shared';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/de';

/** The one price a card has room for: by the day for desks, by the hour for rooms; no price means free. */
function headlinePrice({ kind, prices }: SpaceSummary): { key: 'space.perDay' | 'space.perHour'; cents: number } | null {
  const day = prices.perDayCents === null ? null : { key: 'space.perDay' as const, cents: prices.perDayCents };
  const hour = prices.perHourCents === null ? null : { key: 'space.perHour' as const, cents: prices.perHourCents };
  const chosen = kind === 'coworking' ? (day ?? hour) : (hour ?? day);
  return chosen && chosen.cents > 0 ? chosen : null;
}

export function SpaceCard({ space }: { space: SpaceSummary }) {
  const { t, money, locale } = useI18n();
  const headline = headlinePrice(space);
  const price = headline ? t(headline.key, { price: money(headline.cents) }) : t('space.free');
  return (
    <article className="card" data-testid="space-card" aria-labelledby={`space-${space.id}`}>
      {space.photos[0] && <img src={space.photos[0]} alt={t('space.photo', { name: space.name })} loading="lazy" className="card-photo" />}
      <h2 id={`space-${space.id}`}>
        <Link to={`/raeume/${space.slug}`}>{space.name}</Link>
      </h2>
      <p className="card-meta">
        <span>{t(`kind.${space.kind}` as MessageKey)}</span> · <span>{space.municipality}</span>
        {space.distanceKm !== null && <> · {t('space.distance', { km: space.distanceKm.toLocaleString(locale) })}</>}
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
