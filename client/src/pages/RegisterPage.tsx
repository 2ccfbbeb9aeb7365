import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { useRefreshSession } from '../api/session';
import { Field } from '../components/Field';
import { FormAlert, Notice } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

export function RegisterPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const refresh = useRefreshSession();
  const invitationToken = params.get('einladung') ?? undefined;
  const register = useMutation({
    mutationFn: (body: object) => api('/api/auth/register', { method: 'POST', body }),
    onSuccess: () => refresh(),
  });
  const fields = register.error instanceof ApiError ? register.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    register.mutate({ name: String(form.get('name')), email: String(form.get('email')), password: String(form.get('password')), locale, ...(invitationToken ? { invitationToken } : {}) });
  };
  return (
    <section className="narrow">
      <h1>{t('register.title')}</h1>
      {register.isSuccess ? (
        <Notice>{t(invitationToken ? 'register.invited' : 'register.done')}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field label={t('form.name')} name="name" autoComplete="name" required maxLength={100} error={fields.name} />
          <Field label={t('form.email')} name="email" type="email" autoComplete="email" required error={fields.email} />
          <Field label={t('form.password')} name="password" type="password" autoComplete="new-password" required minLength={10} hint={t('form.passwordHint')} error={fields.password} />
          <FormAlert error={register.error} />
          <button type="submit" className="button" disabled={register.isPending}>
            {t('nav.register')}
          </button>
        </form>
      )}
    </section>
  );
}
