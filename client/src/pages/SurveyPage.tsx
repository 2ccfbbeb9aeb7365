import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MUNICIPALITIES, PLACES, type Survey, type SurveyAnswerValue, type SurveyQuestion } from '@landraeume/shared';
import { api, ApiError } from '../api/client';
import { surveyBrowserKey } from '../api/browser-key';
import { Field } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { SurveyQuestionField } from '../components/SurveyQuestionField';
import { useI18n } from '../i18n/i18n';

/** Once the home postcode is known, the village list shows that town's villages only (and any option not tied to a town). */
function forHome(question: SurveyQuestion, homePostcode: SurveyAnswerValue | undefined): SurveyQuestion {
  const town = MUNICIPALITIES.find((m) => m.postcode === homePostcode)?.name;
  if (question.key !== 'home_place' || !town) return question;
  const elsewhere = new Set<string>(PLACES.filter((p) => p.municipality !== town).map((p) => p.key));
  return { ...question, options: question.options.filter((o) => !elsewhere.has(o.key)) };
}

/** The public commuter survey: no account, one answer per browser, a thank-you at the end. */
export function SurveyPage() {
  const { t, locale, errorText } = useI18n();
  const [browserKey] = useState(surveyBrowserKey);
  const survey = useQuery({ queryKey: ['survey', browserKey], queryFn: () => api<Survey>(`/api/survey?browserKey=${encodeURIComponent(browserKey)}`) });
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  const [newsletter, setNewsletter] = useState(false);
  const [email, setEmail] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = useMutation({
    mutationFn: () => api('/api/survey/responses', { method: 'POST', body: { browserKey, answers, locale, ...(newsletter && email ? { newsletterEmail: email } : {}) } }),
  });
  const already = survey.data?.answered || (submit.error instanceof ApiError && submit.error.code === 'survey_already_answered');
  const fieldErrors = submit.error instanceof ApiError ? submit.error.fieldErrors() : {};

  // After sending, or on an error list, move focus to the heading of what changed.
  useEffect(() => {
    if (submit.isSuccess || submit.isError) heading.current?.focus();
  }, [submit.isSuccess, submit.isError]);

  const title = survey.data?.title[locale] ?? t('nav.survey');
  if (survey.isPending) return <p>{t('search.loading')}</p>;
  if (survey.error) return <FormAlert error={survey.error} />;

  const done = (head: string, text: string) => (
    <section className="survey">
      <h1 ref={heading} tabIndex={-1}>
        {head}
      </h1>
      <p role="status">{text}</p>
      <p>
        <Link to="/">{t('survey.toSearch')}</Link>
      </p>
    </section>
  );
  if (submit.isSuccess) return done(t('survey.thanks'), t('survey.thanksText'));
  if (already) return done(t('survey.already'), t('survey.alreadyText'));
  if (!survey.data.open) return done(title, t('survey.closed'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <section className="survey">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{t('survey.intro')}</p>
      <p className="hint">{t('survey.requiredNote')}</p>
      {submit.isError && (
        <p role="alert" className="alert alert-error">
          {Object.keys(fieldErrors).length ? t('survey.errors') : errorText(submit.error)}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        {survey.data.questions.map((question) => (
          <SurveyQuestionField
            key={question.key}
            question={forHome(question, answers.home_postcode)}
            value={answers[question.key]}
            error={fieldErrors[`answers.${question.key}`]}
            onChange={(value) =>
              setAnswers((current) => {
                const next = { ...current };
                if (value === undefined) delete next[question.key];
                else next[question.key] = value;
                return next;
              })
            }
          />
        ))}
        <div className="field checkbox">
          <input id="survey-newsletter" type="checkbox" checked={newsletter} onChange={(e) => setNewsletter(e.target.checked)} />
          <label htmlFor="survey-newsletter">{t('survey.newsletter')}</label>
        </div>
        {newsletter && <Field label={t('survey.newsletterEmail')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} hint={t('survey.newsletterHint')} error={fieldErrors.newsletterEmail} />}
        <button type="submit" className="button" disabled={submit.isPending}>
          {submit.isPending ? t('survey.sending') : t('survey.submit')}
        </button>
      </form>
    </section>
  );
}

