import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WaitlistEntry } from '@landraeume/shared';
import { api } from '../api/client';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';
import { FormAlert } from './FormAlert';

/** The signed-in person's waitlist entries: their place in line, or the slot held for them to take. */
export function MyWaitlist() {
  const { t, dateTime } = useI18n();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['waitlist', 'mine'], queryFn: () => api<{ items: WaitlistEntry[] }>('/api/me/waitlist') });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['waitlist', 'mine'] }), client.invalidateQueries({ queryKey: ['bookings', 'mine'] })]);
  const accept = useMutation({ mutationFn: (id: string) => api(`/api/waitlist/${id}/accept`, { method: 'POST' }), onSettled: refresh });
  const leave = useMutation({ mutationFn: (id: string) => api(`/api/waitlist/${id}`, { method: 'DELETE' }), onSettled: refresh });
  const items = list.data?.items ?? [];
  if (!items.length && !list.error) return null;
  return (
    <section aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">{t('waitlist.title')}</h2>
      <FormAlert error={list.error ?? accept.error ?? leave.error} />
      <ul className="booking-list">
        {items.map((entry) => (
          <li key={entry.id} className="booking" data-testid="waitlist-entry">
            <strong>{entry.space.name}</strong>
            {entry.resource && <> · {entry.resource.name}</>}
            <br />
            {dateTime(entry.start, entry.space.zone)} – {dateTime(entry.end, entry.space.zone)} · <span className={`badge waitlist-${entry.status}`}>{t(`waitlist.status.${entry.status}` as MessageKey)}</span>
            {entry.status === 'waiting' && entry.position !== null && <> · {t('waitlist.position', { n: entry.position })}</>}
            {entry.status === 'waiting' && entry.autoBook && <> · {t('waitlist.autoBook')}</>}
            {entry.status === 'offered' && entry.heldUntil && (
              <>
                <br />
                <strong>{t('waitlist.heldUntil', { date: dateTime(entry.heldUntil, entry.space.zone) })}</strong>{' '}
                <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate(entry.id)}>
                  {t('waitlist.accept')}
                </button>
              </>
            )}
            {(entry.status === 'waiting' || entry.status === 'offered') && (
              <>
                {' '}
                <button type="button" className="link-button" disabled={leave.isPending} onClick={() => leave.mutate(entry.id)}>
                  {t('waitlist.leave')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
