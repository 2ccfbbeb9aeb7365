import { Link, useSearchParams } from 'react-router';
import { useMe } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { TokenPage } from './TokenPage';

export function InvitationPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (me.data) return <TokenPage endpoint="/api/invitations/accept" title="invite.title" done="invite.done" />;
  const back = encodeURIComponent(`/einladung?${params}`);
  return (
    <section className="narrow">
      <h1>{t('invite.title')}</h1>
      <p>{t('invite.signIn')}</p>
      <p>
        <Link to={`/anmelden?weiter=${back}`}>{t('nav.login')}</Link> · <Link to={`/registrieren?einladung=${encodeURIComponent(params.get('token') ?? '')}`}>{t('nav.register')}</Link>
      </p>
    </section>
  );
}
