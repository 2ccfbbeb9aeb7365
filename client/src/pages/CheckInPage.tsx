import { useMutation } from '@tanstack/react-query';
import type { Booking } from '@landraeume/shared';
import { useEffect } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert, Notice } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

/** Where a scanned QR code leads: checks in the signed-in person's booking at that place, if one is open. */
export function CheckInPage() {
  const { t, dateTime } = useI18n();
  const { token = '' } = useParams();
  const me = useMe();
  const checkIn = useMutation({ mutationFn: () => api<Booking>('/api/check-in', { method: 'POST', body: { token } }) });
  const { mutate } = checkIn;
  const signedIn = !!me.data;
  // Scanning is the request: no second tap needed once signed in.
  useEffect(() => {
    if (signedIn) mutate();
  }, [signedIn, mutate]);
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to={`/anmelden?weiter=${encodeURIComponent(`/checkin/${token}`)}`} replace />;
  const booking = checkIn.data;
  const none = checkIn.error instanceof ApiError && (checkIn.error.code === 'not_found' || checkIn.error.code === 'invalid_input');
  return (
    <section>
      <h1>{t('checkin.title')}</h1>
      {checkIn.isPending && <p role="status">{t('checkin.working')}</p>}
      {booking && (
        <>
          <Notice>{t('checkin.done')}</Notice>
          <p>
            <strong>{booking.space.name}</strong> · {booking.resource.name}
            <br />
            {dateTime(booking.start, booking.space.zone)} – {dateTime(booking.end, booking.space.zone)}
          </p>
        </>
      )}
      {none ? (
        <p role="alert" className="alert alert-error">
          {t('checkin.none')}
        </p>
      ) : (
        <FormAlert error={checkIn.error} />
      )}
      <p>
        <Link to="/buchungen">{t('checkin.toBookings')}</Link>
      </p>
    </section>
  );
}
