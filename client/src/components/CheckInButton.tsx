import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Booking } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FormAlert } from './FormAlert';

/** "Einchecken" for the booker while the booking's check-in window is open; afterwards when it happened. */
export function CheckInButton({ booking, now = new Date() }: { booking: Booking; now?: Date }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const checkIn = useMutation({
    mutationFn: () => api<Booking>(`/api/bookings/${booking.id}/check-in`, { method: 'POST', body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ['bookings', 'mine'] }),
  });
  const hhmm = (iso: string) => DateTime.fromISO(iso).setZone(booking.space.zone).toFormat('HH:mm');
  if (booking.checkedInAt) return <span className="badge status-confirmed">{t('bookings.checkedIn', { time: hhmm(booking.checkedInAt) })}</span>;
  const window = booking.checkIn;
  if (!window || now < new Date(window.from) || now >= new Date(window.until)) return null;
  return (
    <span className="check-in">
      <button type="button" className="button" disabled={checkIn.isPending} onClick={() => checkIn.mutate()}>
        {t('bookings.checkIn')}
      </button>{' '}
      <span className="hint">{t('bookings.checkInUntil', { time: hhmm(window.until) })}</span>
      <FormAlert error={checkIn.error} />
    </span>
  );
}
