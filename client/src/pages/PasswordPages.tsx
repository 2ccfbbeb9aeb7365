import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { Field } from '../components/Field';
import { FormAlert, MissingToken, Notice } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

export function PasswordResetRequestPage() {
  const { t } = useI18n();
  const request = useMutation({ mutationFn: (email: string) => api('/api/auth/password-reset/request', { method: 'POST', body: { email } }) });
  const fields = request.error instanceof ApiError ? request.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate(String(new FormData(event.currentTarget).get('email')));
  };
  return (
    <section className="narrow">
      <h1>{t('reset.requestTitle')}</h1>
      {request.isSuccess ? (
        <Notice>{t('reset.requestDone')}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field label={t('form.email')} name="email" type="email" autoComplete="email" required error={fields.email} />
          <FormAlert error={request.error} />
          <button type="submit" className="button" disabled={request.isPending}>
            {t('form.send')}
          </button>
        </form>
      )}
    </section>
  );
}

export function PasswordResetPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token');
  const reset = useMutation({ mutationFn: (password: string) => api('/api/auth/password-reset', { method: 'POST', body: { token, password } }) });
  const fields = reset.error instanceof ApiError ? reset.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate(String(new FormData(event.currentTarget).get('password')));
  };
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      {!token ? (
        <MissingToken />
      ) : reset.isSuccess ? (
        <Notice>{t('reset.done')}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field label={t('form.password')} name="password" type="password" autoComplete="new-password" required minLength={10} hint={t('form.passwordHint')} error={fields.password} />
          <FormAlert error={reset.error} />
          <button type="submit" className="button" disabled={reset.isPending}>
            {t('form.send')}
          </button>
        </form>
      )}
    </section>
  );
}
