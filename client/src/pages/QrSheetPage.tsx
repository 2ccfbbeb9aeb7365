import { useQuery } from '@tanstack/react-query';
import type { QrSheet } from '@landraeume/shared';
import { Navigate, useParams } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

/** A printable page of check-in QR codes, one per desk or room, for the space's admins. */
export function QrSheetPage() {
  const { t } = useI18n();
  const { spaceId = '' } = useParams();
  const me = useMe();
  const sheet = useQuery({ queryKey: ['qr-sheet', spaceId], queryFn: () => api<QrSheet>(`/api/spaces/${spaceId}/qr-sheet`), enabled: !!me.data });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to={`/anmelden?weiter=${encodeURIComponent(`/qr/${spaceId}`)}`} replace />;
  const data = sheet.data;
  return (
    <section className="qr-sheet">
      <h1>{data ? t('qr.title', { space: data.space.name }) : t('qr.spaces')}</h1>
      <FormAlert error={sheet.error} />
      {data && (
        <>
          <p className="no-print">{t('qr.hint')}</p>
          <p>{data.space.noShowGraceMinutes === null ? t('qr.noGrace') : t('qr.grace', { minutes: data.space.noShowGraceMinutes })}</p>
          <p className="no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('qr.print')}
            </button>
          </p>
          <ul className="qr-grid">
            {data.resources.map((r) => (
              <li key={r.id} className="qr-card">
                <img src={`data:image/svg+xml;utf8,${encodeURIComponent(r.qrSvg)}`} alt={t('qr.alt', { name: r.name })} width={180} height={180} />
                <strong>{r.name}</strong>
                <span className="qr-url">{r.checkInUrl}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
