import { useMutation, useQuery } from '@tanstack/react-query';
import type { Booking, BookingList } from '@landraeume/shared';
import { Navigate } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { AccessInfo } from '../components/AccessInfo';
import { CheckInButton } from '../components/CheckInButton';
import { FormAlert } from '../components/FormAlert';
import { MyWaitlist } from '../components/MyWaitlist';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';

export function BookingLine({ booking, children }: { booking: Booking; children?: React.ReactNode }) {
  const { t, dateTime, money } = useI18n();
  return (
    <li className="booking" data-testid="booking">
      <strong>{booking.space.name}</strong> · {booking.resource.name}
      <br />
      {dateTime(booking.start, booking.space.zone)} – {dateTime(booking.end, booking.space.zone)} · <span className={`badge status-${booking.status}`}>{t(`status.${booking.status}` as MessageKey)}</span> ·{' '}
      {money(booking.priceCents)}
      {booking.seriesId && <> · <span className="badge">{t('bookings.series')}</span></>}
      {booking.booker && <> · {booking.booker.name}</>}
      {booking.purpose && <> · {booking.purpose}</>}
      {children}
    </li>
  );
}

export function BookingsPage() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const list = useQuery({ queryKey: ['bookings', 'mine'], queryFn: () => api<BookingList>('/api/bookings?scope=mine'), enabled: !!me.data });
  const cancel = useMutation({ mutationFn: (id: string) => api(`/api/bookings/${id}/cancel`, { method: 'POST', body: {} }), onSettled: () => list.refetch() });
  // A series ends from one date on: that date and every later one of the same series.
  const cancelRest = useMutation({ mutationFn: (b: Booking) => api(`/api/series/${b.seriesId}/cancel`, { method: 'POST', body: { from: b.start } }), onSettled: () => list.refetch() });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/buchungen" replace />;
  return (
    <section>
      <h1>{t('bookings.title')}</h1>
      <MyWaitlist />
      <FormAlert error={list.error ?? cancel.error ?? cancelRest.error} />
      {list.data?.items.length === 0 && <p>{t('bookings.empty')}</p>}
      <ul className="booking-list">
        {list.data?.items.map((booking) => (
          <BookingLine key={booking.id} booking={booking}>
            {(booking.status === 'confirmed' || booking.status === 'pending') && (
              <>
                <br />
                <CheckInButton booking={booking} />{' '}
                <span className="hint">{t('bookings.cancelUntil', { date: dateTime(booking.cancellableUntil, booking.space.zone) })}</span>{' '}
                <button type="button" className="link-button" onClick={() => cancel.mutate(booking.id)}>
                  {t('bookings.cancel')}
                </button>{' '}
                {booking.seriesId && (
                  <>
                    ·{' '}
                    <button type="button" className="link-button" onClick={() => cancelRest.mutate(booking)}>
                      {t('bookings.cancelRest')}
                    </button>{' '}
                  </>
                )}
                · <a href={`/api/bookings/${booking.id}/calendar.ics`} download>
                  {t('bookings.addToCalendar')}
                </a>
                {booking.status === 'confirmed' && <AccessInfo booking={booking} />}
              </>
            )}
          </BookingLine>
        ))}
      </ul>
    </section>
  );
}
