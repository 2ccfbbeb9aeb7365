import { useMutation, useQuery } from '@tanstack/react-query';
import type { OutboxJobView } from '@landraeume/shared';
import { Navigate } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert } from '../components/FormAlert';
import { useI18n } from '../i18n/i18n';

/** Mails the worker gave up on: what failed and why, and a button to try once more. */
export function AdminJobsPage() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const isAdmin = !!me.data?.memberships.some((m) => m.organizationKind === 'platform' && m.role === 'admin');
  const jobs = useQuery({ queryKey: ['admin-jobs'], queryFn: () => api<{ items: OutboxJobView[] }>('/api/admin/jobs?status=dead'), enabled: isAdmin });
  const retry = useMutation({ mutationFn: (id: string) => api(`/api/admin/jobs/${id}/retry`, { method: 'POST', body: {} }), onSettled: () => jobs.refetch() });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/admin/auftraege" replace />;
  if (!isAdmin) return <p role="alert">{t('error.forbidden')}</p>;
  return (
    <section>
      <h1>{t('jobs.title')}</h1>
      <p className="hint">{t('jobs.intro')}</p>
      <FormAlert error={jobs.error ?? retry.error} />
      {jobs.data?.items.length === 0 && <p>{t('jobs.empty')}</p>}
      {!!jobs.data?.items.length && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('jobs.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('jobs.kind')}</th>
                <th scope="col">{t('jobs.created')}</th>
                <th scope="col">{t('jobs.attempts')}</th>
                <th scope="col">{t('jobs.error')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('jobs.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.items.map((job) => (
                <tr key={job.id}>
                  <td>{job.kind}</td>
                  <td>{dateTime(job.createdAt)}</td>
                  <td>{job.attempts}</td>
                  <td>{job.lastError}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => retry.mutate(job.id)} disabled={retry.isPending}>
                      {t('jobs.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
