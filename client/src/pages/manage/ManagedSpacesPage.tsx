import { useMutation, useQueries } from '@tanstack/react-query';
import { MUNICIPALITY_NAMES, type ManagedSpaceDetail, type ManagedSpaceSummary } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { SpaceKindOptions } from '../../components/Options';

const MANAGING_KINDS = ['municipality', 'provider'];

/** "Meine Räume": the spaces of every municipality or provider one works for, drafts included. */
export function ManagedSpacesPage() {
  const { t } = useI18n();
  const me = useMe();
  const organizations = (me.data?.memberships ?? []).filter((m) => MANAGING_KINDS.includes(m.organizationKind));
  const lists = useQueries({
    queries: organizations.map((org) => ({
      queryKey: ['managed-spaces', org.organizationId],
      queryFn: () => api<{ items: ManagedSpaceSummary[] }>(`/api/organizations/${org.organizationId}/spaces`),
    })),
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/meine-raeume" replace />;
  return (
    <section>
      <h1>{t('manage.title')}</h1>
      {organizations.length === 0 && <p>{t('manage.none')}</p>}
      {organizations.map((org, i) => {
        const list = lists[i];
        return (
          <section key={org.organizationId} aria-labelledby={`org-${org.organizationId}`}>
            <h2 id={`org-${org.organizationId}`}>{org.organizationName}</h2>
            <FormAlert error={list?.error} />
            {list?.data?.items.length === 0 && <p>{t('manage.noSpaces')}</p>}
            <ul className="managed-spaces">
              {list?.data?.items.map((space) => (
                <li key={space.id} className="card">
                  <h3>
                    <Link to={`/meine-raeume/${space.id}`}>{space.name}</Link>
                  </h3>
                  <p className="card-meta">
                    {t(`kind.${space.kind}` as MessageKey)} · {space.address.town} · <span className={space.published ? 'badge badge-free' : 'badge'}>{t(space.published ? 'manage.published' : 'manage.draft')}</span>
                  </p>
                  <p className="card-meta">{t('manage.resourceCount', { active: space.activeResourceCount, total: space.resourceCount })}</p>
                  <p className="actions">
                    <Link to={`/meine-raeume/${space.id}`}>{t('manage.edit', { name: space.name })}</Link>
                    <Link to={`/meine-raeume/${space.id}/kalender`}>{t('manage.calendarOf', { name: space.name })}</Link>
                    {space.published && <Link to={`/raeume/${space.slug}`}>{t('manage.publicPage', { name: space.name })}</Link>}
                  </p>
                </li>
              ))}
            </ul>
            <NewSpaceForm organizationId={org.organizationId} />
          </section>
        );
      })}
    </section>
  );
}

function NewSpaceForm({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: (body: object) => api<ManagedSpaceDetail>('/api/spaces', { method: 'POST', body }),
    onSuccess: (space) => navigate(`/meine-raeume/${space.id}`),
  });
  const prefix = `new-${organizationId}`;
  const fields = fieldErrorsOf(create.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const capacity = Number(form.get('capacity'));
    create.mutate({ organizationId, name: form.get('name'), kind: form.get('kind'), street: form.get('street'), postcode: form.get('postcode'), municipality: form.get('municipality'), capacity: Number.isInteger(capacity) && capacity > 0 ? capacity : form.get('capacity') });
  };
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('manage.newSpace')}
      </button>
    );
  const labels = { name: t('manage.field.name'), kind: t('manage.field.kind'), street: t('manage.field.street'), postcode: t('manage.field.postcode'), municipality: t('manage.field.municipality'), capacity: t('manage.field.capacity') };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`} className="manage-form">
      <h3 id={`${prefix}-title`}>{t('manage.newSpace')}</h3>
      <ErrorSummary error={create.error} labels={labels} idPrefix={prefix} />
      <Field id={`${prefix}-name`} name="name" label={labels.name} required maxLength={200} error={fields.name} autoFocus />
      <div className="field">
        <label htmlFor={`${prefix}-kind`}>{labels.kind}</label>
        <select id={`${prefix}-kind`} name="kind">
          <SpaceKindOptions />
        </select>
      </div>
      <Field id={`${prefix}-street`} name="street" label={labels.street} required maxLength={200} error={fields.street} />
      <Field id={`${prefix}-postcode`} name="postcode" label={labels.postcode} required inputMode="numeric" maxLength={5} error={fields.postcode} />
      <div className="field">
        <label htmlFor={`${prefix}-municipality`}>{labels.municipality}</label>
        <select id={`${prefix}-municipality`} name="municipality">
          {MUNICIPALITY_NAMES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </div>
      <Field id={`${prefix}-capacity`} name="capacity" label={labels.capacity} required inputMode="numeric" error={fields.capacity} />
      <p className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('manage.create')}
        </button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          {t('manage.cancel')}
        </button>
      </p>
    </form>
  );
}
