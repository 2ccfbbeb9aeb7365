import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WaitlistEntry } from '@landraeume/shared';
import { useId, useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FormAlert, Notice } from './FormAlert';

/** "Auf die Warteliste" for the time that was just taken: held for the person (or booked) once it frees up. */
export function WaitlistJoin({ spaceId, asked }: { spaceId: string; asked: { start: string; end: string; resourceId?: string } }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const autoId = useId();
  const [autoBook, setAutoBook] = useState(false);
  const join = useMutation({
    mutationFn: () => api<WaitlistEntry>('/api/waitlist', { method: 'POST', body: { spaceId, ...asked, autoBook } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['waitlist', 'mine'] }),
  });
  if (join.data) return <Notice>{t('waitlist.joined', { n: join.data.position ?? 1 })}</Notice>;
  return (
    <div className="waitlist-join">
      <p>{t('waitlist.joinHint')}</p>
      <div className="field checkbox">
        <input id={autoId} type="checkbox" checked={autoBook} onChange={(e) => setAutoBook(e.target.checked)} />
        <label htmlFor={autoId}>{t('waitlist.joinAuto')}</label>
      </div>
      <button type="button" className="button" disabled={join.isPending} onClick={() => join.mutate()}>
        {t('waitlist.join')}
      </button>
      <FormAlert error={join.error} />
    </div>
  );
}
