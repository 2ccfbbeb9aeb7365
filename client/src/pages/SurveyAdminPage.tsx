import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate } from 'react-router';
import type { SurveyQuestion } from '@landraeume/shared';
import { api, ApiError } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert, Notice } from '../components/FormAlert';
import { QuestionEditor, type QuestionDraft } from '../components/QuestionEditor';
import { useI18n } from '../i18n/i18n';

interface AdminSurvey {
  open: boolean;
  questions: SurveyQuestion[];
  responses: number;
}

/** The platform team's survey editor: open or close it, edit questions, add one. */
export function SurveyAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const isAdmin = !!me.data?.memberships.some((m) => m.organizationKind === 'platform' && m.role === 'admin');
  const survey = useQuery({ queryKey: ['admin-survey'], queryFn: () => api<AdminSurvey>('/api/admin/survey'), enabled: isAdmin });
  const [saved, setSaved] = useState<string>();
  const toggle = useMutation({ mutationFn: (open: boolean) => api('/api/admin/survey', { method: 'PATCH', body: { open } }), onSettled: () => survey.refetch() });
  const update = useMutation({
    mutationFn: (draft: QuestionDraft) =>
      api(`/api/admin/survey/questions/${draft.key}`, {
        method: 'PATCH',
        body: { label: draft.label, required: draft.required, retired: draft.retired, ...(draft.options.length ? { options: draft.options } : {}), ...(draft.type === 'number' ? { min: draft.min, max: draft.max } : {}) },
      }),
    onSuccess: (_data, draft) => setSaved(draft.key),
    onSettled: () => survey.refetch(),
  });
  const add = useMutation({
    mutationFn: (draft: QuestionDraft) => api('/api/admin/survey/questions', { method: 'POST', body: { key: draft.key, type: draft.type, label: draft.label, required: draft.required, options: draft.options, min: draft.min, max: draft.max } }),
    onSuccess: (_data, draft) => setSaved(draft.key),
    onSettled: () => survey.refetch(),
  });
  const errorsOf = (error: unknown) => (error instanceof ApiError ? error.fieldErrors() : {});

  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/admin/umfrage" replace />;
  if (!isAdmin) return <p role="alert">{t('error.forbidden')}</p>;
  return (
    <section>
      <h1>{t('surveyAdmin.title')}</h1>
      <p className="hint">{t('surveyAdmin.intro')}</p>
      <FormAlert error={survey.error ?? toggle.error ?? update.error ?? add.error} />
      {saved && <Notice>{t('surveyAdmin.saved')}</Notice>}
      {survey.data && (
        <>
          <p>
            {t('surveyAdmin.state', { state: survey.data.open ? t('surveyAdmin.open') : t('surveyAdmin.closed'), count: survey.data.responses })}{' '}
            <button type="button" className="button" onClick={() => toggle.mutate(!survey.data.open)} disabled={toggle.isPending}>
              {survey.data.open ? t('surveyAdmin.doClose') : t('surveyAdmin.doOpen')}
            </button>
          </p>
          {survey.data.questions.map((question) => (
            <QuestionEditor key={`${question.key}-${JSON.stringify(question)}`} question={question} onSave={(draft) => update.mutate(draft)} pending={update.isPending} errors={update.variables?.key === question.key ? errorsOf(update.error) : {}} />
          ))}
          <QuestionEditor onSave={(draft) => add.mutate(draft)} pending={add.isPending} errors={errorsOf(add.error)} />
        </>
      )}
    </section>
  );
}
