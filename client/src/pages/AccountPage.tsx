import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, ApiError } from '../api/client';
import { useMe, useRefreshSession } from '../api/session';
import { CalendarFeed } from '../components/CalendarFeed';
import { Field } from '../components/Field';
import { FormAlert, Notice } from '../components/FormAlert';
import { MyCommute } from '../components/MyCommute';
import { useI18n } from '../i18n/i18n';

export function AccountPage() {
  const { t, setLocale } = useI18n();
  const me = useMe();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: (body: object) => api('/api/me', { method: 'PATCH', body }),
    onSuccess: () => refresh(),
  });
  const resend = useMutation({ mutationFn: () => api('/api/auth/verify-email/resend', { method: 'POST', body: {} }) });
  const erase = useMutation({
    mutationFn: () => api('/api/me', { method: 'DELETE' }),
    // Leave first: once the session is known to be gone, this page would send people to the login.
    onSuccess: async () => {
      navigate('/', { replace: true });
      await refresh();
    },
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/konto" replace />;
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const locale = String(form.get('locale')) as 'de' | 'en';
    const postcode = String(form.get('homePostcode') ?? '').trim();
    save.mutate({ name: String(form.get('name')), locale, homePostcode: postcode || null, shareCommute: form.get('shareCommute') === 'on' });
    setLocale(locale);
  };
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      {!me.data.emailVerified && (
        <div className="alert">
          <p>{t('account.unverified')}</p>
          <button type="button" className="link-button" onClick={() => resend.mutate()} disabled={resend.isPending}>
            {t('account.resend')}
          </button>
          {resend.isSuccess && <Notice>{t('account.resent')}</Notice>}
          <FormAlert error={resend.error} />
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <Field label={t('form.name')} name="name" defaultValue={me.data.name} required maxLength={100} error={fields.name} />
        <Field label={t('account.postcode')} name="homePostcode" inputMode="numeric" pattern="[0-9]{5}" defaultValue={me.data.homePostcode ?? ''} error={fields.homePostcode} />
        <div className="field checkbox">
          <input id="shareCommute" name="shareCommute" type="checkbox" defaultChecked={me.data.shareCommute} />
          <label htmlFor="shareCommute">{t('account.shareCommute')}</label>
        </div>
        <div className="field">
          <label htmlFor="locale">{t('account.language')}</label>
          <select id="locale" name="locale" defaultValue={me.data.locale}>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </div>
        <FormAlert error={save.error} />
        {save.isSuccess && <Notice>{t('account.saved')}</Notice>}
        <button type="submit" className="button">
          {t('account.save')}
        </button>
      </form>
      <MyCommute />
      <CalendarFeed />
      {me.data.memberships.some((m) => m.role === 'admin' && m.organizationKind !== 'platform') && (
        <p>
          <Link to="/webhooks">{t('webhooks.nav')}</Link>
        </p>
      )}
      <p>
        <a href="/api/me/export" download>
          {t('account.export')}
        </a>
      </p>
      <button type="button" className="button button-danger" onClick={() => window.confirm(t('account.deleteConfirm')) && erase.mutate()}>
        {t('account.delete')}
      </button>
      <FormAlert error={erase.error} />
    </section>
  );
}
