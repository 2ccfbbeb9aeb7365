import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Booking, BookingList } from '@landraeume/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Calendar } from 'react-big-calendar';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { useWeekView } from '../../components/calendar/calendar-setup';
import { FormAlert } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { bookingEvents, weekWindow, type BookingEvent } from './space-bookings';
import { useManagedSpace } from './use-managed-space';

const PAGE_SIZE = 100;

/** Every page of the space's bookings in the window: a busy hall easily has more than one page a week. */
async function allBookings(spaceId: string, window: { from: string; to: string }): Promise<Booking[]> {
  const items: Booking[] = [];
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ scope: 'managed', spaceId, from: window.from, to: window.to, page: String(page), pageSize: String(PAGE_SIZE) });
    const list = await api<BookingList>(`/api/bookings?${params}`);
    items.push(...list.items);
    if (items.length >= list.total || list.items.length === 0) return items;
  }
}

/** The provider's calendar of one space: requests and bookings with who and what for; requests decided from here. */
export default function SpaceBookingsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { query: space } = useManagedSpace(id);
  const zone = space.data?.zone ?? 'Europe/Berlin';
  const { shown, props: weekView } = useWeekView(zone, () => new Date());
  const [selected, setSelected] = useState<Booking | null>(null);
  const range = weekWindow(shown, zone);
  const bookings = useQuery({ queryKey: ['space-bookings', id, range.from], queryFn: () => allBookings(id, range), enabled: !!space.data });
  const frame = useRef<HTMLDivElement>(null);
  // The hours scroll inside the calendar; with no entry to tab to, keyboard users need the
  // scrolling area itself to be reachable (the library renders it anew on every view change).
  useEffect(() => {
    frame.current?.querySelectorAll('.rbc-time-content').forEach((area) => {
      area.setAttribute('tabindex', '0');
      area.setAttribute('role', 'region');
      area.setAttribute('aria-label', t('provider.hours'));
    });
  });
  const events = useMemo(() => bookingEvents(bookings.data ?? [], { pending: t('provider.pending'), anonymous: t('provider.anonymous') }), [bookings.data, t]);
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to={`/anmelden?weiter=/meine-raeume/${id}/kalender`} replace />;
  if (!space.data)
    return (
      <section>
        <h1>{t('provider.title')}</h1>
        {space.isPending ? <p>{t('search.loading')}</p> : <FormAlert error={space.error} />}
      </section>
    );
  return (
    <section className="week-calendar provider-calendar">
      <p>
        <Link to={`/meine-raeume/${id}`}>{t('manage.edit', { name: space.data.name })}</Link>
      </p>
      <h1>{t('provider.heading', { name: space.data.name })}</h1>
      <p className="hint">{t('provider.hint')}</p>
      <p className="legend">
        <span className="badge status-pending">{t('status.pending')}</span> <span className="badge badge-free">{t('status.confirmed')}</span>
      </p>
      <FormAlert error={bookings.error} />
      <div className="calendar-frame" ref={frame}>
        <Calendar<BookingEvent>
          {...weekView}
          events={events}
          step={space.data.rules.slotMinutes}
          timeslots={60 / space.data.rules.slotMinutes}
          onSelectEvent={(event) => setSelected(event.booking)}
          eventPropGetter={(event) => ({ className: `calendar-booking calendar-${event.booking.status}` })}
          style={{ height: 620 }}
        />
      </div>
      <h2>{t('provider.list')}</h2>
      {events.length === 0 && !bookings.isPending && <p>{t('calendar.empty')}</p>}
      <ul className="booking-list">
        {events.map((event) => (
          <li key={event.booking.id} className="booking">
            <button type="button" className="link-button" onClick={() => setSelected(event.booking)}>
              {t('provider.details', { title: event.title })}
            </button>{' '}
            · <span className={`badge status-${event.booking.status}`}>{t(`status.${event.booking.status}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
      {selected && (
        <BookingDialog
          booking={selected}
          // Deciding is for the owning organization's admins; its staff see the requests only.
          canDecide={me.data.memberships.some((m) => (m.organizationKind === 'platform' || m.organizationId === space.data!.provider.id) && m.role === 'admin')}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}

/** A modal with the booking's details; for a request the decision. The browser keeps focus inside and gives it back on close. */
function BookingDialog({ booking, canDecide, onClose }: { booking: Booking; canDecide: boolean; onClose(): void }) {
  const { t, dateTime, money } = useI18n();
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const decide = useMutation({
    mutationFn: (action: 'approve' | 'reject') => api(`/api/bookings/${booking.id}/${action}`, { method: 'POST', body: action === 'reject' ? { reason } : {} }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['space-bookings'] });
      await client.invalidateQueries({ queryKey: ['bookings'] });
      dialog.current?.close();
    },
  });
  return (
    <dialog ref={dialog} className="booking-dialog" aria-labelledby="booking-dialog-title" onClose={onClose}>
      <h2 id="booking-dialog-title">{booking.resource.name}</h2>
      <dl className="facts">
        <dt>{t('provider.when')}</dt>
        <dd>
          {dateTime(booking.start, booking.space.zone)} – {dateTime(booking.end, booking.space.zone)}
        </dd>
        <dt>{t('provider.status')}</dt>
        <dd>{t(`status.${booking.status}` as MessageKey)}</dd>
        <dt>{t('provider.booker')}</dt>
        <dd>{booking.booker ? `${booking.booker.name} (${booking.booker.email})` : t('provider.anonymous')}</dd>
        {booking.organization && (
          <>
            <dt>{t('provider.organization')}</dt>
            <dd>{booking.organization.name}</dd>
          </>
        )}
        <dt>{t('provider.purpose')}</dt>
        <dd>{booking.purpose || '—'}</dd>
        {booking.attendees !== null && (
          <>
            <dt>{t('provider.attendees')}</dt>
            <dd>{booking.attendees}</dd>
          </>
        )}
        <dt>{t('provider.price')}</dt>
        <dd>{money(booking.priceCents)}</dd>
        {booking.expiresAt && (
          <>
            <dt>{t('provider.expires')}</dt>
            <dd>{dateTime(booking.expiresAt, booking.space.zone)}</dd>
          </>
        )}
      </dl>
      <FormAlert error={decide.error} />
      {booking.status === 'pending' && !canDecide && <p className="hint">{t('provider.adminsDecide')}</p>}
      {booking.status === 'pending' && canDecide && (
        <div className="actions">
          <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
            {t('inbox.approve')}
          </button>
          <label>
            {t('inbox.reason')} <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" className="button button-danger" disabled={!reason.trim() || decide.isPending} onClick={() => decide.mutate('reject')}>
            {t('inbox.reject')}
          </button>
        </div>
      )}
      <form method="dialog">
        <button type="submit" className="link-button">
          {t('provider.close')}
        </button>
      </form>
    </dialog>
  );
}
