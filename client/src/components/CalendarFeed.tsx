import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed as Feed } from '@landraeume/shared';
import { useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FormAlert, Notice } from './FormAlert';

/** The personal feed URL: copy it into a calendar app, or rotate it when it got out. */
export function CalendarFeed() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [copied, setCopied] = useState(false);
  const feed = useQuery({ queryKey: ['calendar-feed'], queryFn: () => api<Feed>('/api/me/calendar-feed') });
  const rotate = useMutation({
    mutationFn: () => api<Feed>('/api/me/calendar-feed/rotate', { method: 'POST', body: {} }),
    onSuccess: (next) => {
      setCopied(false);
      client.setQueryData(['calendar-feed'], next);
    },
  });
  const copy = async () => {
    if (!feed.data) return;
    await navigator.clipboard.writeText(feed.data.url);
    setCopied(true);
  };
  return (
    <section aria-labelledby="feed-title" className="feed">
      <h2 id="feed-title">{t('feed.title')}</h2>
      <p className="hint">{t('feed.intro')}</p>
      {feed.data && (
        <>
          <div className="field">
            <label htmlFor="feed-url">{t('feed.url')}</label>
            <input id="feed-url" readOnly value={feed.data.url} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <p className="actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {t('feed.copy')}
            </button>{' '}
            <a href={feed.data.url.replace(/^https?:/, 'webcal:')}>{t('feed.subscribe')}</a>{' '}
            <button type="button" className="link-button" onClick={() => window.confirm(t('feed.rotateConfirm')) && rotate.mutate()} disabled={rotate.isPending}>
              {t('feed.rotate')}
            </button>
          </p>
          {copied && <Notice>{t('feed.copied')}</Notice>}
          {rotate.isSuccess && <Notice>{t('feed.rotated')}</Notice>}
        </>
      )}
      <FormAlert error={feed.error ?? rotate.error} />
    </section>
  );
}
