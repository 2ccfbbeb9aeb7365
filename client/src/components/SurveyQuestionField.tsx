import { useId } from 'react';
import type { SurveyAnswerValue, SurveyQuestion } from '@landraeume/shared';
import { useI18n } from '../i18n/i18n';

interface Props {
  question: SurveyQuestion;
  value: SurveyAnswerValue | undefined;
  error?: string | undefined;
  onChange(value: SurveyAnswerValue | undefined): void;
}

/** Long option lists read better as a select on a phone than as thirty radio buttons. */
const SELECT_ABOVE = 8;

/** One survey question as an accessible control: choices as a fieldset with a legend, the rest as a labelled input. */
export function SurveyQuestionField({ question, value, error, onChange }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  const label = (
    <>
      {question.label[locale]}
      {question.required && (
        <span aria-hidden="true" className="required-mark">
          {' '}*
        </span>
      )}
      {question.required && <span className="visually-hidden"> ({t('survey.required')})</span>}
    </>
  );
  const errorText = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );
  const invalid = error ? true : undefined;
  const described = error ? errorId : undefined;

  if (question.type === 'number' || question.type === 'postcode' || (question.type === 'single_choice' && question.options.length > SELECT_ABOVE)) {
    const control =
      question.type === 'single_choice' ? (
        <select id={id} value={typeof value === 'string' ? value : ''} aria-invalid={invalid} aria-describedby={described} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="">{t('survey.choose')}</option>
          {question.options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label[locale]}
            </option>
          ))}
        </select>
      ) : question.type === 'number' ? (
        <input id={id} type="number" inputMode="decimal" min={question.min ?? undefined} max={question.max ?? undefined} step="any" value={typeof value === 'number' ? value : ''} aria-invalid={invalid} aria-describedby={described} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
      ) : (
        <input id={id} type="text" inputMode="numeric" autoComplete={question.key === 'home_postcode' ? 'postal-code' : 'off'} maxLength={5} size={6} placeholder={t('survey.postcodeHint')} value={typeof value === 'string' ? value : ''} aria-invalid={invalid} aria-describedby={described} onChange={(e) => onChange(e.target.value.trim() || undefined)} />
      );
    return (
      <div className="field survey-question">
        <label htmlFor={id}>{label}</label>
        {control}
        {errorText}
      </div>
    );
  }

  const multiple = question.type === 'multiple_choice';
  const chosen = multiple ? (Array.isArray(value) ? value : []) : value;
  return (
    <fieldset className={error ? 'survey-question invalid' : 'survey-question'} aria-describedby={described}>
      <legend>{label}</legend>
      {question.options.map((o) => (
        <label key={o.key} className="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`${id}-${question.key}`}
            value={o.key}
            checked={multiple ? (chosen as string[]).includes(o.key) : chosen === o.key}
            onChange={(e) => {
              if (!multiple) return onChange(o.key);
              const set = new Set(chosen as string[]);
              if (e.target.checked) set.add(o.key);
              else set.delete(o.key);
              onChange(set.size ? [...set] : undefined);
            }}
          />{' '}
          {o.label[locale]}
        </label>
      ))}
      {errorText}
    </fieldset>
  );
}
