import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useMe, useRefreshSession } from '../api/session';
import { useI18n } from '../i18n/i18n';

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST', body: {} }),
    // Leave first, so a page for signed-in people does not redirect to the login on the way out.
    onSuccess: async () => {
      navigate('/');
      await refresh();
    },
  });
  const isPlatformAdmin = !!me.data?.memberships.some((m) => m.organizationKind === 'platform' && m.role === 'admin');
  // Only answers when no mail server is configured: then mails are read here.
  const mailbox = useQuery({ queryKey: ['dev-mails'], queryFn: () => api<{ items: unknown[] }>('/api/dev/mails'), enabled: !!me.data, retry: false });
  const employs = isPlatformAdmin || me.data?.memberships.some((m) => m.organizationKind === 'employer' && m.role === 'admin');
  const seesReports = !!me.data?.memberships.some((m) => (m.organizationKind === 'municipality' || m.organizationKind === 'platform') && m.role === 'admin');
  const keepsKeys = me.data?.memberships.some((m) => m.organizationKind === 'municipality' || m.organizationKind === 'provider');
  const manages = me.data?.memberships.some((m) => m.organizationKind === 'municipality' || m.organizationKind === 'provider' || m.organizationKind === 'platform');
  const ownsSpaces = me.data?.memberships.some((m) => m.organizationKind === 'municipality' || m.organizationKind === 'provider');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink to="/">{t('nav.search')}</NavLink>
            </li>
            {me.data && (
              <li>
                <NavLink to="/buchungen">{t('nav.bookings')}</NavLink>
              </li>
            )}
            {me.data && employs && (
              <li>
                <NavLink to="/arbeitgeber">{t('nav.employer')}</NavLink>
              </li>
            )}
            {me.data && isPlatformAdmin && (
              <li>
                <NavLink to="/region">{t('nav.region')}</NavLink>
              </li>
            )}
            {me.data && ownsSpaces && (
              <li>
                <NavLink to="/meine-raeume">{t('nav.manage')}</NavLink>
              </li>
            )}
            {me.data && manages && (
              <li>
                <NavLink to="/anfragen">{t('nav.inbox')}</NavLink>
              </li>
            )}
            {me.data && keepsKeys && (
              <li>
                <NavLink to="/schluessel">{t('nav.keys')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/umfrage">{t('nav.survey')}</NavLink>
            </li>
            {seesReports && (
              <li>
                <NavLink to="/berichte">{t('nav.reports')}</NavLink>
              </li>
            )}
            {seesReports && (
              <li>
                <NavLink to="/zulassung">{t('nav.admission')}</NavLink>
              </li>
            )}
            {me.data && !manages && (
              <li>
                <NavLink to="/anbieter-werden">{t('nav.apply')}</NavLink>
              </li>
            )}
            {isPlatformAdmin && (
              <li>
                <NavLink to="/admin/organisationen">{t('nav.adminOrgs')}</NavLink>
              </li>
            )}
            {isPlatformAdmin && (
              <li>
                <NavLink to="/admin/auftraege">{t('nav.jobs')}</NavLink>
              </li>
            )}
            {me.data ? (
              <>
                <li>
                  <NavLink to="/konto">{me.data.name}</NavLink>
                </li>
                <li>
                  <button type="button" className="link-button" onClick={() => logout.mutate()}>
                    {t('nav.logout')}
                  </button>
                </li>
              </>
            ) : (
              <li>
                <NavLink to="/anmelden">{t('nav.login')}</NavLink>
              </li>
            )}
            <li>
              <button type="button" className="link-button" lang={locale === 'de' ? 'en' : 'de'} onClick={() => setLocale(locale === 'de' ? 'en' : 'de')}>
                {t('nav.language')}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.project')}</p>
        {mailbox.isSuccess && (
          <p>
            <Link to="/postfach">{t('nav.mailbox')}</Link>
          </p>
        )}
        <p>
          {t('footer.imprint')} · {t('footer.privacy')} · {t('footer.accessibility')}
        </p>
      </footer>
    </>
  );
}
