import { useMutation, useQuery } from '@tanstack/react-query';
import type { Webhook, WebhookWithSecret } from '@landraeume/shared';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { FormAlert, Notice } from '../../components/FormAlert';
import { useI18n } from '../../i18n/i18n';
import { SecretOnce } from './SecretOnce';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookForm } from './WebhookForm';
import { MembershipOptions } from '../../components/Options';

/** Webhook endpoints of the organizations one administers: heating, lights or a lock following the calendar. */
export function WebhooksPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [secret, setSecret] = useState<string>();
  const [shownLog, setShownLog] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const administered = me.data?.memberships.filter((m) => m.role === 'admin' && m.organizationKind !== 'platform') ?? [];
  const organizationId = params.get('org') ?? administered[0]?.organizationId;
  const base = `/api/organizations/${organizationId}/webhooks`;
  const hooks = useQuery({ queryKey: ['webhooks', organizationId], queryFn: () => api<{ items: Webhook[] }>(base), enabled: !!organizationId });
  const act = useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body?: object; done?: string }) => api<WebhookWithSecret | undefined>(`${base}${path}`, { method, body: body ?? (method === 'DELETE' ? undefined : {}) }),
    onSuccess: (answer, { done }) => {
      if (answer && 'secret' in answer) setSecret(answer.secret);
      setNotice(done);
    },
    onSettled: () => hooks.refetch(),
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/webhooks" replace />;
  if (!organizationId) return <p role="alert">{t('webhooks.noAdmin')}</p>;
  return (
    <section className="webhooks">
      <h1>{t('webhooks.title')}</h1>
      <p className="hint">
        {t('webhooks.intro')} <a href="/api/docs">{t('webhooks.docs')}</a>
      </p>
      {administered.length > 1 && (
        <div className="field">
          <label htmlFor="webhook-org">{t('webhooks.organization')}</label>
          <select id="webhook-org" value={organizationId} onChange={(e) => setParams({ org: e.target.value })}>
            <MembershipOptions memberships={administered} />
          </select>
        </div>
      )}
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(undefined)} />}
      {notice && <Notice>{notice}</Notice>}
      <FormAlert error={hooks.error ?? act.error} />
      <h2>{t('webhooks.endpoints')}</h2>
      {hooks.data?.items.length === 0 && <p>{t('webhooks.empty')}</p>}
      <ul className="webhook-list">
        {hooks.data?.items.map((hook) => (
          <li key={hook.id} className="card">
            <p>
              <strong className="webhook-url">{hook.url}</strong> {hook.active ? '' : <span className="badge">{t('webhooks.inactive')}</span>}
            </p>
            {hook.description && <p>{hook.description}</p>}
            <p className="hint">{hook.events.join(', ')}</p>
            <div className="actions">
              <button type="button" className="link-button" onClick={() => act.mutate({ path: `/${hook.id}`, method: 'PATCH', body: { active: !hook.active }, done: t(hook.active ? 'webhooks.deactivated' : 'webhooks.activated') })}>
                {t(hook.active ? 'webhooks.deactivate' : 'webhooks.activate')}
              </button>
              <button type="button" className="link-button" onClick={() => act.mutate({ path: `/${hook.id}/test`, method: 'POST', done: t('webhooks.testSent') })} disabled={!hook.active}>
                {t('webhooks.test')}
              </button>
              <button type="button" className="link-button" onClick={() => window.confirm(t('webhooks.rotateConfirm')) && act.mutate({ path: `/${hook.id}/rotate-secret`, method: 'POST' })}>
                {t('webhooks.rotate')}
              </button>
              <button type="button" className="link-button" aria-expanded={shownLog === hook.id} onClick={() => setShownLog(shownLog === hook.id ? undefined : hook.id)}>
                {t('webhooks.showLog')}
              </button>
              <button type="button" className="link-button" onClick={() => window.confirm(t('webhooks.deleteConfirm')) && act.mutate({ path: `/${hook.id}`, method: 'DELETE', done: t('webhooks.deleted') })}>
                {t('webhooks.delete')}
              </button>
            </div>
            {shownLog === hook.id && <WebhookDeliveries webhook={hook} />}
          </li>
        ))}
      </ul>
      <WebhookForm
        organizationId={organizationId}
        onCreated={(created) => {
          setSecret(created.secret);
          setNotice(undefined);
          void hooks.refetch();
        }}
      />
    </section>
  );
}
