import { useMutation } from '@tanstack/react-query';
import type { ManagedSpaceDetail, Resource } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useI18n } from '../../i18n/i18n';

/** Desks and rooms: add, rename, take out of service and back. Nothing is deleted, bookings hang on them. */
export function ResourcesSection({ space, onChanged }: { space: ManagedSpaceDetail; onChanged(): void }) {
  const { t } = useI18n();
  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: object }) => api<Resource>(`/api/spaces/${space.id}/resources/${id}`, { method: 'PATCH', body }),
    onSuccess: onChanged,
  });
  const parts = (id: string) => space.resources.filter((r) => r.parentId === id);
  return (
    <section aria-labelledby="resources-heading">
      <h2 id="resources-heading">{t('manage.resources')}</h2>
      <FormAlert error={change.error} />
      {space.resources.length === 0 && <p>{t('manage.noResources')}</p>}
      <ul className="resource-list">
        {space.resources
          .filter((r) => r.parentId === null)
          .map((resource) => (
            <li key={resource.id}>
              <ResourceRow resource={resource} onRename={(name) => change.mutate({ id: resource.id, body: { name } })} onToggle={() => change.mutate({ id: resource.id, body: { active: !resource.active } })} />
              {parts(resource.id).length > 0 && (
                <ul>
                  {parts(resource.id).map((part) => (
                    <li key={part.id}>
                      <ResourceRow resource={part} onRename={(name) => change.mutate({ id: part.id, body: { name } })} onToggle={() => change.mutate({ id: part.id, body: { active: !part.active } })} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
      </ul>
      <AddResourceForm space={space} onAdded={onChanged} />
    </section>
  );
}

function ResourceRow({ resource, onRename, onToggle }: { resource: Resource; onRename(name: string): void; onToggle(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(resource.name);
  const id = `resource-${resource.id}`;
  return (
    <div className="resource-row">
      <label htmlFor={id} className="visually-hidden">
        {t('manage.resourceName', { name: resource.name })}
      </label>
      <input id={id} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      <span className={resource.active ? 'badge badge-free' : 'badge'}>{t(resource.active ? 'manage.inService' : 'manage.outOfService')}</span>
      <button type="button" className="button" disabled={!name.trim() || name === resource.name} onClick={() => onRename(name)}>
        {t('manage.rename')}
      </button>
      <button type="button" className="link-button" onClick={onToggle}>
        {t(resource.active ? 'manage.disable' : 'manage.enable', { name: resource.name })}
      </button>
    </div>
  );
}

function AddResourceForm({ space, onAdded }: { space: ManagedSpaceDetail; onAdded(): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'desk' | 'room'>(space.kind === 'coworking' ? 'desk' : 'room');
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => api(`/api/spaces/${space.id}/resources`, { method: 'POST', body: { kind, name } }),
    onSuccess: () => {
      setName('');
      onAdded();
    },
  });
  const errors = fieldErrorsOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="manage-form inline-form" aria-labelledby="add-resource-heading">
      <h3 id="add-resource-heading">{t('manage.addResource')}</h3>
      <ErrorSummary error={add.error} labels={{ name: t('manage.field.name'), kind: t('manage.resourceKind') }} idPrefix="resource" />
      <div className="field">
        <label htmlFor="resource-kind">{t('manage.resourceKind')}</label>
        <select id="resource-kind" value={kind} onChange={(e) => setKind(e.target.value as 'desk' | 'room')}>
          <option value="desk">{t('manage.desk')}</option>
          <option value="room">{t('manage.room')}</option>
        </select>
      </div>
      <Field id="resource-name" label={t('manage.field.name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('manage.add')}
      </button>
    </form>
  );
}
