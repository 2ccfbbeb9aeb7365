import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { loadPendingChoice } from '../booking/pending-choice';
import { api } from '../api/client';
import { useRefreshSession } from '../api/session';
import { FormAlert, MissingToken, Notice } from '../components/FormAlert';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';

/** Pages that redeem the single-use token of a mail link once, on arrival. */
export function TokenPage({ endpoint, title, done }: { endpoint: string; title: MessageKey; done: MessageKey }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const refresh = useRefreshSession();
  const redeem = useMutation({ mutationFn: (token: string) => api(endpoint, { method: 'POST', body: { token } }), onSuccess: () => refresh() });
  const sent = useRef(false);
  useEffect(() => {
    const token = params.get('token');
    if (token && !sent.current) {
      sent.current = true;
      redeem.mutate(token);
    }
  }, [params, redeem]);
  return (
    <section className="narrow">
      <h1>{t(title)}</h1>
      {redeem.isPending && <p>{t('search.loading')}</p>}
      {redeem.isSuccess && <Notice>{t(done)}</Notice>}
      {redeem.isSuccess && <ResumeChoice />}
      <FormAlert error={redeem.error} />
      {!params.get('token') && <MissingToken />}
    </section>
  );
}

/** After confirming a new account: the way back to the slot chosen before registering. */
function ResumeChoice() {
  const { t } = useI18n();
  const [choice] = useState(() => loadPendingChoice());
  if (!choice) return null;
  return (
    <p>
      <Link to={`/raeume/${choice.slug}`}>{t('auth.resume', { space: choice.spaceName })}</Link>
    </p>
  );
}
