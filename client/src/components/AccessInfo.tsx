import { useQuery } from '@tanstack/react-query';
import type { Booking, BookingAccess } from '@landraeume/shared';
import { api } from '../api/client';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';

/** How the booker gets in: instructions, key pickup and return, or the door code inside its window. */
export function AccessInfo({ booking }: { booking: Booking }) {
  const { t, dateTime } = useI18n();
  const zone = booking.space.zone;
  const access = useQuery({
    queryKey: ['booking-access', booking.id],
    queryFn: () => api<BookingAccess>(`/api/bookings/${booking.id}/access`),
    // The code appears at its time without a reload.
    refetchInterval: 60_000,
  });
  const a = access.data;
  if (!a || (a.mode === 'staffed' && !a.instructions)) return null;
  return (
    <div className="access-info" data-testid="access-info">
      <strong>{t(`access.mode.${a.mode}` as MessageKey)}</strong>
      {a.instructions && <p className="hint">{a.instructions}</p>}
      {a.key && (
        <ul className="access-key">
          <li>
            {t('access.keyPickup', { date: dateTime(a.key.pickupFrom, zone) })}
            {a.key.place && <> {t('access.keyPlace', { place: a.key.place })}</>}
          </li>
          <li>{t('access.keyReturn', { date: dateTime(a.key.returnBy, zone) })}</li>
          {a.key.outAt && <li>{t('access.keyOut', { date: dateTime(a.key.outAt, zone) })}</li>}
          {a.key.backAt && <li>{t('access.keyBack', { date: dateTime(a.key.backAt, zone) })}</li>}
        </ul>
      )}
      {a.code?.state === 'shown' && (
        <p>
          {t('access.code')}: <code className="access-code">{a.code.value}</code> <span className="hint">{t('access.codeValid', { date: dateTime(a.code.shownUntil, zone) })}</span>
        </p>
      )}
      {a.code?.state === 'not_yet' && <p className="hint">{t('access.codeNotYet', { date: dateTime(a.code.shownFrom, zone) })}</p>}
      {a.code?.state === 'over' && <p className="hint">{t('access.codeOver')}</p>}
    </div>
  );
}
