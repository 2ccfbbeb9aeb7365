import { useQuery } from '@tanstack/react-query';
import type { DevMail, DevMailSummary } from '@landraeume/shared';
import { Navigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

/** Mails kept as files when no mail server is set up: a newcomer's way to read their links. */
export function MailboxPage() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const selected = params.get('mail');
  const list = useQuery({ queryKey: ['dev-mails'], queryFn: () => api<{ items: DevMailSummary[] }>('/api/dev/mails'), enabled: !!me.data });
  const mail = useQuery({ queryKey: ['dev-mails', selected], queryFn: () => api<DevMail>(`/api/dev/mails/${encodeURIComponent(selected!)}`), enabled: !!me.data && !!selected });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/postfach" replace />;
  return (
    <section>
      <h1>{t('mailbox.title')}</h1>
      <p className="hint">{t('mailbox.intro')}</p>
      <FormAlert error={list.error ?? mail.error} />
      {list.data?.items.length === 0 && <p>{t('mailbox.empty')}</p>}
      <ul className="mail-list">
        {list.data?.items.map((item) => (
          <li key={item.id}>
            <button type="button" className="link-button" aria-current={item.id === selected ? 'true' : undefined} onClick={() => setParams({ mail: item.id })}>
              {item.subject}
            </button>{' '}
            <span className="hint">
              {t('mailbox.to', { to: item.to })} · {dateTime(item.date)}
            </span>
          </li>
        ))}
      </ul>
      {mail.data && (
        <article className="mail" aria-labelledby="mail-subject">
          <h2 id="mail-subject">{mail.data.subject}</h2>
          <p className="hint">{t('mailbox.to', { to: mail.data.to })}</p>
          <pre className="mail-text">{mail.data.text}</pre>
          {mail.data.attachments.length > 0 && <p className="hint">{t('mailbox.attachments', { names: mail.data.attachments.map((a) => a.filename).join(', ') })}</p>}
        </article>
      )}
    </section>
  );
}
