import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

/** The signing secret, shown this once after creating or rotating, with a copy button. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [secret]);
  const copy = async () => {
    await navigator.clipboard.writeText(secret).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section className="alert alert-ok secret-once" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('webhooks.secretTitle')}
      </h2>
      <p>{t('webhooks.secretOnce')}</p>
      <div className="field">
        <label htmlFor={id}>{t('webhooks.secret')}</label>
        <input id={id} readOnly value={secret} className="secret-value" onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={copy}>
          {t('webhooks.copy')}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          {t('webhooks.secretDone')}
        </button>
        <span role="status">{copied ? t('webhooks.copied') : ''}</span>
      </div>
    </section>
  );
}
