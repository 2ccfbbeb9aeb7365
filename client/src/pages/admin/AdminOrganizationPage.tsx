import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MUNICIPALITY_NAMES, type Organization } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { FormAlert, Notice } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { isPlatformAdmin } from './AdminOrganizationsPage';
import { ContractsSection } from './ContractsSection';
import { MembersSection } from './MembersSection';

/** One organization for the platform team: its details and status, its people, and for employers its contracts. */
export function AdminOrganizationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const client = useQueryClient();
  const org = useQuery({ queryKey: ['organization', id], queryFn: () => api<Organization>(`/api/organizations/${id}`), enabled: !!me.data });
  const store = (saved: Organization) => {
    client.setQueryData(['organization', id], saved);
    // The list shows the change at once when one goes back, not after its refetch.
    client.setQueryData<{ items: Organization[] }>(['organizations'], (list) => list && { items: list.items.map((o) => (o.id === saved.id ? saved : o)) });
    void client.invalidateQueries({ queryKey: ['organizations'] });
  };
  if (me.isPending || (me.data && org.isPending)) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to={`/anmelden?weiter=/admin/organisationen/${id}`} replace />;
  if (!org.data)
    return (
      <section>
        <h1>{t('admin.orgs.title')}</h1>
        <FormAlert error={org.error} />
      </section>
    );
  return (
    <section>
      <p>
        <Link to="/admin/organisationen">{t('admin.orgs.back')}</Link>
      </p>
      <h1>{org.data.name}</h1>
      <p>
        {t(`orgKind.${org.data.kind}` as MessageKey)} · <span className={org.data.status === 'active' ? 'badge badge-free' : 'badge status-cancelled'}>{t(`admin.org.status.${org.data.status}` as MessageKey)}</span>
      </p>
      {isPlatformAdmin(me.data) && <OrganizationForm key={org.data.status} org={org.data} onSaved={store} />}
      <MembersSection organizationId={id} />
      {org.data.kind === 'employer' && isPlatformAdmin(me.data) && <ContractsSection employer={org.data} />}
    </section>
  );
}

type Editable = 'name' | 'street' | 'postcode' | 'town' | 'municipality' | 'email' | 'website';
const EDITABLE: Editable[] = ['name', 'street', 'postcode', 'town', 'municipality', 'email', 'website'];

function OrganizationForm({ org, onSaved }: { org: Organization; onSaved(org: Organization): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<Record<Editable, string>>(() => Object.fromEntries(EDITABLE.map((key) => [key, org[key] ?? ''])) as Record<Editable, string>);
  const save = useMutation({
    // An emptied field is cleared, except the name, which the server insists on.
    mutationFn: () => api<Organization>(`/api/organizations/${org.id}`, { method: 'PATCH', body: Object.fromEntries(EDITABLE.map((key) => [key, form[key].trim() || (key === 'name' ? '' : null)])) }),
    onSuccess: onSaved,
  });
  const [reason, setReason] = useState('');
  // Suspending tells the bookers of the organization's spaces why, so it asks for a reason.
  const status = useMutation({
    mutationFn: async () => {
      if (org.status === 'active') await api(`/api/organizations/${org.id}/suspend`, { method: 'POST', body: { reason: reason.trim() } });
      else await api(`/api/organizations/${org.id}/reinstate`, { method: 'POST', body: {} });
      return api<Organization>(`/api/organizations/${org.id}`);
    },
    onSuccess: onSaved,
  });
  const errors = fieldErrorsOf(save.error);
  const labels = Object.fromEntries(EDITABLE.map((key) => [key, t(`admin.org.${key}` as MessageKey)])) as Record<Editable, string>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const text = (key: Editable, extra: { type?: string; inputMode?: 'numeric' } = {}) => (
    <Field id={`orgedit-${key}`} label={labels[key]} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} error={errors[key]} {...extra} />
  );
  return (
    <>
      <form onSubmit={submit} noValidate className="manage-form" aria-labelledby="org-edit-heading">
        <h2 id="org-edit-heading">{t('admin.org.details')}</h2>
        <ErrorSummary error={save.error} labels={labels} idPrefix="orgedit" />
        {save.isSuccess && <Notice>{t('manage.saved')}</Notice>}
        {text('name')}
        {text('street')}
        {text('postcode', { inputMode: 'numeric' })}
        {text('town')}
        <div className="field">
          <label htmlFor="orgedit-municipality">{labels.municipality}</label>
          <select id="orgedit-municipality" value={form.municipality} onChange={(e) => setForm({ ...form, municipality: e.target.value })}>
            <option value="">—</option>
            {MUNICIPALITY_NAMES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
        {text('email', { type: 'email' })}
        {text('website', { type: 'url' })}
        <button type="submit" className="button" disabled={save.isPending}>
          {t('manage.save')}
        </button>
      </form>
      <section aria-labelledby="org-status-heading">
        <h2 id="org-status-heading">{t('admin.org.status')}</h2>
        <p className="hint">{t(org.status === 'active' ? 'admin.org.suspendHint' : 'admin.org.reactivateHint')}</p>
        <FormAlert error={status.error} />
        {org.status === 'active' && <Field id="org-suspend-reason" label={t('admin.org.suspendReason')} value={reason} onChange={(e) => setReason(e.target.value)} required />}
        <button type="button" className={org.status === 'active' ? 'button button-danger' : 'button'} disabled={status.isPending || (org.status === 'active' && !reason.trim())} onClick={() => status.mutate()}>
          {t(org.status === 'active' ? 'admin.org.suspend' : 'admin.org.reactivate')}
        </button>
      </section>
    </>
  );
}
