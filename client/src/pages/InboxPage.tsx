import { useMutation, useQuery } from '@tanstack/react-query';
import type { BookingList } from '@landraeume/shared';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert } from '../components/FormAlert';
import { QrSheetLinks } from '../components/QrSheetLinks';
import { useI18n } from '../i18n/i18n';
import { BookingLine } from './BookingsPage';

/** The approval inbox of the spaces one manages. */
export function InboxPage() {
  const { t } = useI18n();
  const me = useMe();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const inbox = useQuery({ queryKey: ['bookings', 'inbox'], queryFn: () => api<BookingList>('/api/bookings?scope=managed&status=pending'), enabled: !!me.data });
  const decide = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'approve' | 'reject' }) =>
      api(`/api/bookings/${id}/${action}`, { method: 'POST', body: action === 'reject' ? { reason: reasons[id] ?? '' } : {} }),
    onSettled: () => inbox.refetch(),
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/anfragen" replace />;
  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <FormAlert error={inbox.error ?? decide.error} />
      {inbox.data?.items.length === 0 && <p>{t('inbox.empty')}</p>}
      <ul className="booking-list">
        {inbox.data?.items.map((booking) => (
          <BookingLine key={booking.id} booking={booking}>
            <div className="actions">
              <button type="button" className="button" onClick={() => decide.mutate({ id: booking.id, action: 'approve' })}>
                {t('inbox.approve')}
              </button>
              <label>
                {t('inbox.reason')}{' '}
                <input value={reasons[booking.id] ?? ''} maxLength={500} onChange={(e) => setReasons({ ...reasons, [booking.id]: e.target.value })} />
              </label>
              <button type="button" className="button button-danger" disabled={!reasons[booking.id]?.trim()} onClick={() => decide.mutate({ id: booking.id, action: 'reject' })}>
                {t('inbox.reject')}
              </button>
            </div>
          </BookingLine>
        ))}
      </ul>
      <QrSheetLinks />
    </section>
  );
}
