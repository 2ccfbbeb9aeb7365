import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MUNICIPALITY_NAMES, type Organization } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { OrganizationKindOptions } from '../../components/Options';

export const isPlatformAdmin = (me: { memberships: { organizationKind: string; role: string }[] } | null | undefined) =>
  !!me?.memberships.some((m) => m.organizationKind === 'platform' && m.role === 'admin');

/** The platform team's list of all organizations, and where new ones are founded. */
export function AdminOrganizationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [kind, setKind] = useState('');
  const list = useQuery({ queryKey: ['organizations'], queryFn: () => api<{ items: Organization[] }>('/api/organizations'), enabled: isPlatformAdmin(me.data) });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/admin/organisationen" replace />;
  if (!isPlatformAdmin(me.data))
    return (
      <section>
        <h1>{t('admin.orgs.title')}</h1>
        <p role="alert" className="alert alert-error">{t('error.forbidden')}</p>
      </section>
    );
  const shown = (list.data?.items ?? []).filter((org) => !kind || org.kind === kind);
  return (
    <section>
      <h1>{t('admin.orgs.title')}</h1>
      <FormAlert error={list.error} />
      <div className="field">
        <label htmlFor="org-filter">{t('admin.orgs.filter')}</label>
        <select id="org-filter" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('admin.orgs.allKinds')}</option>
          <OrganizationKindOptions />
        </select>
      </div>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('admin.orgs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.org.name')}</th>
              <th scope="col">{t('admin.org.kind')}</th>
              <th scope="col">{t('admin.org.municipality')}</th>
              <th scope="col">{t('admin.org.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((org) => (
              <tr key={org.id}>
                <td>
                  <Link to={`/admin/organisationen/${org.id}`}>{org.name}</Link>
                </td>
                <td>{t(`orgKind.${org.kind}` as MessageKey)}</td>
                <td>{org.municipality ?? '—'}</td>
                <td>{t(`admin.org.status.${org.status}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewOrganizationForm />
    </section>
  );
}

function NewOrganizationForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState({ kind: 'employer', name: '', municipality: '', email: '', firstAdminEmail: '' });
  const create = useMutation({
    mutationFn: () =>
      api<Organization>('/api/organizations', {
        method: 'POST',
        body: { kind: form.kind, name: form.name, firstAdminEmail: form.firstAdminEmail, ...(form.municipality ? { municipality: form.municipality } : {}), ...(form.email.trim() ? { email: form.email } : {}) },
      }),
    onSuccess: async (org) => {
      await client.invalidateQueries({ queryKey: ['organizations'] });
      navigate(`/admin/organisationen/${org.id}`);
    },
  });
  const errors = fieldErrorsOf(create.error);
  const labels = { kind: t('admin.org.kind'), name: t('admin.org.name'), municipality: t('admin.org.municipality'), email: t('admin.org.email'), firstAdminEmail: t('admin.org.firstAdmin') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="manage-form" aria-labelledby="new-org-heading">
      <h2 id="new-org-heading">{t('admin.orgs.new')}</h2>
      <ErrorSummary error={create.error} labels={labels} idPrefix="org" />
      <div className="field">
        <label htmlFor="org-kind">{labels.kind}</label>
        <select id="org-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
          <OrganizationKindOptions />
        </select>
      </div>
      <Field id="org-name" label={labels.name} value={form.name} maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} required />
      <div className="field">
        <label htmlFor="org-municipality">{labels.municipality}</label>
        <select id="org-municipality" value={form.municipality} onChange={(e) => setForm({ ...form, municipality: e.target.value })}>
          <option value="">—</option>
          {MUNICIPALITY_NAMES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </div>
      <Field id="org-email" type="email" label={labels.email} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errors.email} />
      <Field id="org-firstAdminEmail" type="email" label={labels.firstAdminEmail} hint={t('admin.org.firstAdminHint')} value={form.firstAdminEmail} onChange={(e) => setForm({ ...form, firstAdminEmail: e.target.value })} error={errors.firstAdminEmail} required />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('admin.orgs.create')}
      </button>
    </form>
  );
}
