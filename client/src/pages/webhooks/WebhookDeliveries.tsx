import { useMutation, useQuery } from '@tanstack/react-query';
import type { Webhook, WebhookDelivery } from '@landraeume/shared';
import { api } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/de';

/** The delivery log of one endpoint: what was sent, how it went, and a button to send it again. */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const { t, dateTime } = useI18n();
  const base = `/api/organizations/${webhook.organizationId}/webhooks/${webhook.id}`;
  const log = useQuery({ queryKey: ['webhook-deliveries', webhook.id], queryFn: () => api<{ items: WebhookDelivery[] }>(`${base}/deliveries`) });
  const redeliver = useMutation({ mutationFn: (id: string) => api(`${base}/deliveries/${id}/redeliver`, { method: 'POST', body: {} }), onSettled: () => log.refetch() });
  return (
    <section aria-labelledby={`log-${webhook.id}`}>
      <div className="actions">
        <h3 id={`log-${webhook.id}`}>{t('webhooks.log', { url: webhook.url })}</h3>
        <button type="button" className="link-button" onClick={() => log.refetch()}>
          {t('webhooks.refresh')}
        </button>
      </div>
      <FormAlert error={log.error ?? redeliver.error} />
      {log.data?.items.length === 0 && <p>{t('webhooks.logEmpty')}</p>}
      {!!log.data?.items.length && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('webhooks.log', { url: webhook.url })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
                <th scope="col">{t('webhooks.lastResult')}</th>
                <th scope="col">{t('webhooks.when')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('webhooks.redeliver')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{d.event}</td>
                  <td>{t(`webhooks.status.${d.status}` as MessageKey)}</td>
                  <td>{d.attempts}</td>
                  <td>{[d.lastStatusCode, d.lastError].filter((v) => v !== null).join(' · ') || '–'}</td>
                  <td>
                    {d.deliveredAt
                      ? t('webhooks.deliveredAt', { at: dateTime(d.deliveredAt) })
                      : d.nextRetryAt
                        ? t('webhooks.nextRetry', { at: dateTime(d.nextRetryAt) })
                        : dateTime(d.createdAt)}
                  </td>
                  <td>
                    <button type="button" className="link-button" onClick={() => redeliver.mutate(d.id)} disabled={redeliver.isPending} aria-label={t('webhooks.redeliverOne', { event: d.event, at: dateTime(d.createdAt) })}>
                      {t('webhooks.redeliver')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
