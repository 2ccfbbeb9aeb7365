import { useMutation, useQuery } from '@tanstack/react-query';
import type { ProviderApplication } from '@landraeume/shared';
import { useId, useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { FormAlert } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';

interface Action {
  id: string;
  kind: 'admit' | 'decline' | 'suspend' | 'reinstate';
}

/** The admission inbox of a municipality (its town's applications) or of the platform team (all). */
export function AdmissionInboxPage() {
  const { t } = useI18n();
  const me = useMe();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const decides = !!me.data?.memberships.some((m) => (m.organizationKind === 'municipality' || m.organizationKind === 'platform') && m.role === 'admin');
  const list = useQuery({ queryKey: ['provider-applications', 'inbox'], queryFn: () => api<{ items: ProviderApplication[] }>('/api/provider-applications'), enabled: decides });
  const act = useMutation({
    mutationFn: (action: Action) => {
      const application = list.data?.items.find((a) => a.id === action.id);
      const reason = { reason: reasons[action.id] ?? '' };
      if (action.kind === 'admit') return api(`/api/provider-applications/${action.id}/admit`, { method: 'POST', body: {} });
      if (action.kind === 'decline') return api(`/api/provider-applications/${action.id}/decline`, { method: 'POST', body: reason });
      return api(`/api/organizations/${application!.organization.id}/${action.kind}`, { method: 'POST', body: action.kind === 'suspend' ? reason : {} });
    },
    onSuccess: (_, action) => setReasons({ ...reasons, [action.id]: '' }),
    onSettled: () => list.refetch(),
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/zulassung" replace />;
  if (!decides) return <p role="alert">{t('error.forbidden')}</p>;
  const { memberships } = me.data;
  // One's own application is for someone else to decide.
  const decidable = list.data?.items.filter((a) => !memberships.some((m) => m.organizationId === a.organization.id)) ?? [];
  return (
    <section>
      <h1>{t('admission.title')}</h1>
      <p className="hint">{t('admission.intro')}</p>
      <FormAlert error={list.error ?? act.error} />
      {list.data && decidable.length === 0 && <p>{t('admission.empty')}</p>}
      <ul className="booking-list">
        {decidable.map((application) => (
          <ApplicationCard key={application.id} application={application} reason={reasons[application.id] ?? ''} onReason={(value) => setReasons({ ...reasons, [application.id]: value })} onAction={(kind) => act.mutate({ id: application.id, kind })} busy={act.isPending} />
        ))}
      </ul>
    </section>
  );
}

function ApplicationCard({ application, reason, onReason, onAction, busy }: { application: ProviderApplication; reason: string; onReason(value: string): void; onAction(kind: Action['kind']): void; busy: boolean }) {
  const { t, dateTime } = useI18n();
  const reasonId = useId();
  const headingId = useId();
  const org = application.organization;
  const suspended = org.status === 'suspended';
  const status = suspended ? t('admission.suspended') : t(`admission.status.${application.status}` as MessageKey);
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{org.name}</h2>
      <p className="card-meta">
        {t(`apply.type.${application.applicantType}` as MessageKey)} · {org.municipality} · {dateTime(application.createdAt)} · <strong>{status}</strong>
      </p>
      {(org.street || org.postcode) && <p className="card-address">{[org.street, [org.postcode, org.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</p>}
      <h3>{t('admission.rooms')}</h3>
      <ul>
        {application.rooms.map((room, index) => (
          <li key={index}>
            <strong>{room.name}</strong>
            {room.description ? ` – ${room.description}` : ''}
          </li>
        ))}
      </ul>
      <p>
        {t('apply.contact')}: {application.contact.name}
        {/* An erased applicant's contact is empty: no links that lead nowhere. */}
        {application.contact.email && (
          <>
            {' · '}
            <a href={`mailto:${application.contact.email}`}>{application.contact.email}</a>
          </>
        )}
        {application.contact.phone && (
          <>
            {' · '}
            <a href={`tel:${application.contact.phone.replace(/[^+0-9]/g, '')}`}>{application.contact.phone}</a>
          </>
        )}
      </p>
      {application.message && <p>{application.message}</p>}
      {application.decisionReason && <p>{t('admission.reasonGiven', { reason: application.decisionReason })}</p>}
      {suspended && org.suspensionReason && <p>{t('admission.reasonGiven', { reason: org.suspensionReason })}</p>}
      <div className="actions">
        {application.status === 'pending' && (
          <button type="button" className="button" disabled={busy} onClick={() => onAction('admit')}>
            {t('admission.admit')}
          </button>
        )}
        {(application.status === 'pending' || (application.status === 'admitted' && !suspended)) && (
          <>
            <label htmlFor={reasonId}>{t(application.status === 'pending' ? 'admission.declineReason' : 'admission.suspendReason')}</label>
            <input id={reasonId} value={reason} maxLength={1000} onChange={(e) => onReason(e.target.value)} />
            <button type="button" className="button button-danger" disabled={busy || !reason.trim()} onClick={() => onAction(application.status === 'pending' ? 'decline' : 'suspend')}>
              {t(application.status === 'pending' ? 'admission.decline' : 'admission.suspend')}
            </button>
          </>
        )}
        {suspended && (
          <button type="button" className="button" disabled={busy} onClick={() => onAction('reinstate')}>
            {t('admission.reinstate')}
          </button>
        )}
      </div>
    </li>
  );
}
