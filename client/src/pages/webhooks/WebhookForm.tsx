import { useMutation } from '@tanstack/react-query';
import { WEBHOOK_EVENTS, type WebhookWithSecret } from '@landraeume/shared';
import { useRef, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/de';

/** Registers an endpoint; the answer carries the secret, handed to the page to show once. */
export function WebhookForm({ organizationId, onCreated }: { organizationId: string; onCreated: (created: WebhookWithSecret) => void }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: (body: object) => api<WebhookWithSecret>(`/api/organizations/${organizationId}/webhooks`, { method: 'POST', body }),
    onSuccess: (created) => {
      form.current?.reset();
      onCreated(created);
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const refused = create.error instanceof ApiError && create.error.code === 'webhook_url_refused';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({ url: String(data.get('url')).trim(), description: String(data.get('description') ?? ''), events: data.getAll('events').map(String) });
  };
  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby="webhook-add">
      <h2 id="webhook-add">{t('webhooks.add')}</h2>
      <Field label={t('webhooks.url')} name="url" type="url" required placeholder="https://" hint={t('webhooks.urlHint')} error={fields.url ? t('webhooks.urlInvalid') : refused ? t('error.webhook_url_refused') : undefined} />
      <Field label={t('webhooks.description')} name="description" maxLength={200} />
      <fieldset>
        <legend>{t('webhooks.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <div className="field checkbox" key={event}>
            <input id={`event-${event}`} name="events" type="checkbox" value={event} defaultChecked={event !== 'booking.created'} />
            <label htmlFor={`event-${event}`}>
              {t(`webhooks.event.${event}` as MessageKey)} <code>{event}</code>
            </label>
          </div>
        ))}
        {fields.events && <p className="field-error">{t('webhooks.eventsRequired')}</p>}
      </fieldset>
      {!refused && !fields.url && !fields.events && <FormAlert error={create.error} />}
      <button type="submit" className="button" disabled={create.isPending}>
        {t('webhooks.create')}
      </button>
    </form>
  );
}
