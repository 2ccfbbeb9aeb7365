import { useMutation, useQuery } from '@tanstack/react-query';
import type { Booking, BookingList } from '@landraeume/shared';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert, Notice } from '../components/FormAlert';
import { QrSheetLinks } from '../components/QrSheetLinks';
import { useI18n } from '../i18n/i18n';
import { BookingLine } from './BookingsPage';

/** Requests in the order they came, the dates of one series together under one decision. */
function grouped(items: Booking[]): { seriesId: string | null; bookings: Booking[] }[] {
  const groups: { seriesId: string | null; bookings: Booking[] }[] = [];
  for (const booking of items) {
    const series = booking.seriesId && groups.find((g) => g.seriesId === booking.seriesId);
    if (series) series.bookings.push(booking);
    else groups.push({ seriesId: booking.seriesId, bookings: [booking] });
  }
  return groups;
}

/** The approval inbox of the spaces one manages. */
export function InboxPage() {
  const { t } = useI18n();
  const me = useMe();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const inbox = useQuery({ queryKey: ['bookings', 'inbox'], queryFn: () => api<BookingList>('/api/bookings?scope=managed&status=pending&pageSize=100'), enabled: !!me.data });
  const decide = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'approve' | 'reject' }) =>
      api(`/api/bookings/${id}/${action}`, { method: 'POST', body: action === 'reject' ? { reason: reasons[id] ?? '' } : {} }),
    onSettled: () => inbox.refetch(),
  });
  const approveSeries = useMutation({
    mutationFn: (seriesId: string) => api<{ approved: Booking[] }>(`/api/series/${seriesId}/approve`, { method: 'POST', body: {} }),
    onSettled: () => inbox.refetch(),
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/anfragen" replace />;
  const line = (booking: Booking) => (
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
  );
  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <FormAlert error={inbox.error ?? decide.error ?? approveSeries.error} />
      {approveSeries.data && <Notice>{t('inbox.seriesApproved', { count: approveSeries.data.approved.length })}</Notice>}
      {inbox.data?.items.length === 0 && <p>{t('inbox.empty')}</p>}
      <ul className="booking-list">
        {grouped(inbox.data?.items ?? []).map((group) =>
          group.seriesId && group.bookings.length > 1 ? (
            <li key={group.seriesId} className="series-group" data-testid="series-request">
              <h2>{t('inbox.seriesTitle', { space: group.bookings[0]!.space.name, count: group.bookings.length })}</h2>
              <button type="button" className="button" disabled={approveSeries.isPending} onClick={() => approveSeries.mutate(group.seriesId!)}>
                {t('inbox.approveSeries', { count: group.bookings.length })}
              </button>
              <ul className="booking-list">{group.bookings.map(line)}</ul>
            </li>
          ) : (
            group.bookings.map(line)
          ),
        )}
      </ul>
      <QrSheetLinks />
    </section>
  );
}
