import { useState, type FormEvent } from 'react';
import { SURVEY_QUESTION_TYPES, type SurveyQuestion, type SurveyQuestionType } from '@landraeume/shared';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/de';
import { Field } from './Field';

export interface QuestionDraft {
  key: string;
  type: SurveyQuestionType;
  label: { de: string; en: string };
  required: boolean;
  retired: boolean;
  min: number | null;
  max: number | null;
  options: { key: string; label: { de: string; en: string } }[];
}

const isChoice = (type: SurveyQuestionType) => type === 'single_choice' || type === 'multiple_choice';

/** Options as editable lines "key | deutsch | english": quick to edit, and keys stay visible. */
const optionsToText = (options: SurveyQuestion['options']) => options.filter((o) => !o.retired).map((o) => `${o.key} | ${o.label.de} | ${o.label.en}`).join('\n');
function textToOptions(text: string): QuestionDraft['options'] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([key = '', de = '', en = '']) => ({ key, label: { de, en: en || de } }));
}

/** Edits one question (or a new one when `question` is absent); the key and type are fixed once saved. */
export function QuestionEditor({ question, onSave, pending, errors }: { question?: SurveyQuestion; onSave(draft: QuestionDraft): void; pending: boolean; errors: Record<string, string> }) {
  const { t } = useI18n();
  const [key, setKey] = useState(question?.key ?? '');
  const [type, setType] = useState<SurveyQuestionType>(question?.type ?? 'single_choice');
  const [de, setDe] = useState(question?.label.de ?? '');
  const [en, setEn] = useState(question?.label.en ?? '');
  const [required, setRequired] = useState(question?.required ?? false);
  const [retired, setRetired] = useState(question?.retired ?? false);
  const [min, setMin] = useState(question?.min?.toString() ?? '');
  const [max, setMax] = useState(question?.max?.toString() ?? '');
  const [options, setOptions] = useState(optionsToText(question?.options ?? []));
  const retiredOptions = question?.options.filter((o) => o.retired) ?? [];
  const prefix = question ? question.key : 'new';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ key, type, label: { de, en }, required, retired, min: min === '' ? null : Number(min), max: max === '' ? null : Number(max), options: isChoice(type) ? textToOptions(options) : [] });
  };
  return (
    <form className="question-editor" onSubmit={submit} aria-label={question ? question.key : t('surveyAdmin.add')}>
      {question ? (
        <h3>
          <code>{question.key}</code> · {t(`surveyAdmin.type.${question.type}` as MessageKey)}
        </h3>
      ) : (
        <>
          <h3>{t('surveyAdmin.add')}</h3>
          <Field label={t('surveyAdmin.key')} value={key} onChange={(e) => setKey(e.target.value)} error={errors.key} required />
          <div className="field">
            <label htmlFor={`${prefix}-type`}>{t('surveyAdmin.type')}</label>
            <select id={`${prefix}-type`} value={type} onChange={(e) => setType(e.target.value as SurveyQuestionType)}>
              {SURVEY_QUESTION_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`surveyAdmin.type.${value}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <Field label={t('surveyAdmin.labelDe')} value={de} onChange={(e) => setDe(e.target.value)} error={errors['label.de']} />
      <Field label={t('surveyAdmin.labelEn')} value={en} onChange={(e) => setEn(e.target.value)} error={errors['label.en']} />
      {isChoice(type) && (
        <div className="field">
          <label htmlFor={`${prefix}-options`}>{t('surveyAdmin.options')}</label>
          <textarea id={`${prefix}-options`} value={options} onChange={(e) => setOptions(e.target.value)} aria-describedby={`${prefix}-options-hint`} />
          <p id={`${prefix}-options-hint`} className="hint">
            {t('surveyAdmin.optionsHint')}
            {retiredOptions.length > 0 && ` (${t('surveyAdmin.retired')}: ${retiredOptions.map((o) => o.key).join(', ')})`}
          </p>
          {errors.options && <p className="field-error">{errors.options}</p>}
        </div>
      )}
      {type === 'number' && (
        <>
          <Field label={t('surveyAdmin.min')} type="number" value={min} onChange={(e) => setMin(e.target.value)} />
          <Field label={t('surveyAdmin.max')} type="number" value={max} onChange={(e) => setMax(e.target.value)} error={errors.max} />
        </>
      )}
      <div className="field checkbox">
        <input id={`${prefix}-required`} type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        <label htmlFor={`${prefix}-required`}>{t('surveyAdmin.requiredField')}</label>
      </div>
      {question && (
        <div className="field checkbox">
          <input id={`${prefix}-retired`} type="checkbox" checked={retired} onChange={(e) => setRetired(e.target.checked)} />
          <label htmlFor={`${prefix}-retired`}>{t('surveyAdmin.retired')}</label>
        </div>
      )}
      <button type="submit" className="button" disabled={pending}>
        {question ? t('surveyAdmin.save') : t('surveyAdmin.add')}
      </button>
    </form>
  );
}
