import { useMutation, useQuery } from '@tanstack/react-query';
import { ROLES, type Member } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { FormAlert, Notice } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';

/** The people of an organization: roles changed, members removed, new ones invited by e-mail. */
export function MembersSection({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const members = useQuery({ queryKey: ['members', organizationId], queryFn: () => api<{ items: Member[] }>(`/api/organizations/${organizationId}/members`) });
  const role = useMutation({
    mutationFn: ({ userId, value }: { userId: string; value: string }) => api(`/api/organizations/${organizationId}/members/${userId}`, { method: 'PATCH', body: { role: value } }),
    onSettled: () => members.refetch(),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(`/api/organizations/${organizationId}/members/${userId}`, { method: 'DELETE' }),
    onSettled: () => members.refetch(),
  });
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('admin.members.title')}</h2>
      <FormAlert error={members.error ?? role.error ?? remove.error} />
      {members.data?.items.length === 0 && <p>{t('admin.members.none')}</p>}
      {!!members.data?.items.length && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('admin.members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.org.name')}</th>
                <th scope="col">{t('admin.org.email')}</th>
                <th scope="col">{t('admin.members.role')}</th>
                <th scope="col">{t('admin.members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((member) => (
                <tr key={member.userId}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                      {t('admin.members.roleOf', { name: member.name })}
                    </label>
                    <select id={`role-${member.userId}`} value={member.role} onChange={(e) => role.mutate({ userId: member.userId, value: e.target.value })}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="link-button" onClick={() => remove.mutate(member.userId)}>
                      {t('admin.members.remove', { name: member.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InviteForm organizationId={organizationId} />
    </section>
  );
}

function InviteForm({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const invite = useMutation({
    mutationFn: () => api(`/api/organizations/${organizationId}/invitations`, { method: 'POST', body: { email, role } }),
    onSuccess: () => setEmail(''),
  });
  const errors = fieldErrorsOf(invite.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="manage-form inline-form" aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('admin.members.invite')}</h3>
      <ErrorSummary error={invite.error} labels={{ email: t('admin.org.email'), role: t('admin.members.role') }} idPrefix="invite" />
      {invite.isSuccess && <Notice>{t('admin.members.invited')}</Notice>}
      <Field id="invite-email" type="email" label={t('admin.org.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} required />
      <div className="field">
        <label htmlFor="invite-role">{t('admin.members.role')}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={invite.isPending}>
        {t('admin.members.send')}
      </button>
    </form>
  );
}
