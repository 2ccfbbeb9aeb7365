import { useQueries } from '@tanstack/react-query';
import type { ManagedSpaceSummary } from '@landraeume/shared';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useI18n } from '../i18n/i18n';

/** Links to the printable QR sheets of the spaces of every municipality or provider the person administers. */
export function QrSheetLinks() {
  const { t } = useI18n();
  const me = useMe();
  const orgs = (me.data?.memberships ?? []).filter((m) => m.role === 'admin' && (m.organizationKind === 'municipality' || m.organizationKind === 'provider'));
  const lists = useQueries({
    queries: orgs.map((m) => ({ queryKey: ['org-spaces', m.organizationId], queryFn: () => api<{ items: ManagedSpaceSummary[] }>(`/api/organizations/${m.organizationId}/spaces`) })),
  });
  const spaces = lists.flatMap((l) => l.data?.items ?? []);
  if (!spaces.length) return null;
  return (
    <section aria-labelledby="qr-sheets-title">
      <h2 id="qr-sheets-title">{t('qr.spaces')}</h2>
      <ul>
        {spaces.map((s) => (
          <li key={s.id}>
            <Link to={`/qr/${s.id}`}>{t('qr.sheetFor', { space: s.name })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
