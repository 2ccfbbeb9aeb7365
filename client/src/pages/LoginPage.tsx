import { useMutation } from '@tanstack/react-query';
import type { Me } from '@landraeume/shared';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { useRefreshSession } from '../api/session';
import { Field } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

/** Only paths of this app, so the `weiter` parameter cannot send people elsewhere. */
export const safeNext = (value: string | null) => (value && value.startsWith('/') && !value.startsWith('//') ? value : '/');

export function LoginPage() {
  const { t, setLocale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const refresh = useRefreshSession();
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: async (me) => {
      // Signed in, the server answers in the account's language, so the page follows it.
      setLocale(me.locale);
      await refresh();
      navigate(safeNext(params.get('weiter')));
    },
  });
  const fields = login.error instanceof ApiError ? login.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ email: String(form.get('email')), password: String(form.get('password')) });
  };
  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} noValidate>
        <Field label={t('form.email')} name="email" type="email" autoComplete="email" required error={fields.email} />
        <Field label={t('form.password')} name="password" type="password" autoComplete="current-password" required error={fields.password} />
        <FormAlert error={login.error} />
        <button type="submit" className="button" disabled={login.isPending}>
          {t('login.title')}
        </button>
      </form>
      <p>
        <Link to="/passwort-vergessen">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to={`/registrieren${params.size ? `?${params}` : ''}`}>{t('nav.register')}</Link>
      </p>
    </section>
  );
}
