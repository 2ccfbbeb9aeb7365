import { useMutation } from '@tanstack/react-query';
import type { ManagedSpaceDetail } from '@landraeume/shared';
import { Link, Navigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { FormAlert } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { ClosuresSection } from './ClosuresSection';
import { OpeningHoursEditor } from './OpeningHoursEditor';
import { ResourcesSection } from './ResourcesSection';
import { SpaceDetailsForm } from './SpaceDetailsForm';
import { useManagedSpace } from './use-managed-space';

/** One space for its managers: details, desks and rooms, opening hours, closures, publishing. */
export function SpaceEditorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { query, store, reload } = useManagedSpace(id);
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to={`/anmelden?weiter=/meine-raeume/${id}`} replace />;
  if (query.isPending) return <p>{t('search.loading')}</p>;
  if (!query.data)
    return (
      <section>
        <h1>{t('manage.title')}</h1>
        <FormAlert error={query.error} />
      </section>
    );
  const space = query.data;
  return (
    <section className="space-editor">
      <p>
        <Link to="/meine-raeume">{t('manage.back')}</Link>
      </p>
      <h1>{space.name}</h1>
      <PublishBar space={space} onChanged={store} />
      <p className="actions">
        <Link to={`/meine-raeume/${space.id}/kalender`}>{t('manage.calendarOf', { name: space.name })}</Link>
        {space.published && <Link to={`/raeume/${space.slug}`}>{t('manage.publicPage', { name: space.name })}</Link>}
      </p>
      {/* Keyed by the stored version, so a saved change re-seeds the forms from what the server kept. */}
      <SpaceDetailsForm key={`details-${space.id}`} space={space} onSaved={store} />
      <ResourcesSection space={space} onChanged={() => void reload()} />
      <OpeningHoursEditor key={`hours-${space.id}`} space={space} onSaved={store} />
      <ClosuresSection space={space} onChanged={() => void reload()} />
    </section>
  );
}

function PublishBar({ space, onChanged }: { space: ManagedSpaceDetail; onChanged(space: ManagedSpaceDetail): void }) {
  const { t } = useI18n();
  const toggle = useMutation({
    mutationFn: () => api<ManagedSpaceDetail>(`/api/spaces/${space.id}/${space.published ? 'unpublish' : 'publish'}`, { method: 'POST', body: {} }),
    onSuccess: onChanged,
  });
  const missing = toggle.error instanceof ApiError ? ((toggle.error.details as { missing?: string[] } | undefined)?.missing ?? []) : [];
  return (
    <div className="publish-bar">
      <p>
        <span className={space.published ? 'badge badge-free' : 'badge'}>{t(space.published ? 'manage.published' : 'manage.draft')}</span> {t(space.published ? 'manage.publishedHint' : 'manage.draftHint')}
      </p>
      <button type="button" className="button" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {t(space.published ? 'manage.unpublish' : 'manage.publish')}
      </button>
      {missing.length > 0 ? (
        <div role="alert" className="alert alert-error">
          <p>{t('manage.missing')}</p>
          <ul>
            {missing.map((item) => (
              <li key={item}>{t(`manage.missing.${item}` as MessageKey)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <FormAlert error={toggle.error} />
      )}
    </div>
  );
}
