import type { Bilingual, SurveyOption, SurveyQuestion } from '@landraeume/shared';

export interface SurveyQuestionRow {
  key: string;
  type: SurveyQuestion['type'];
  label: Bilingual;
  required: boolean;
  options: SurveyOption[];
  min: number | null;
  max: number | null;
  region_only: boolean;
  position: number;
  retired: boolean;
}

export const QUESTION_COLUMNS = 'key, type, label, required, options, min, max, region_only, position, retired';

export function presentQuestion(row: SurveyQuestionRow): SurveyQuestion {
  return {
    key: row.key,
    type: row.type,
    label: row.label,
    required: row.required,
    options: row.options,
    min: row.min,
    max: row.max,
    regionOnly: row.region_only,
    position: row.position,
    retired: row.retired,
  };
}

/** What a respondent sees: live questions and live options only. */
export function presentPublicQuestion(row: SurveyQuestionRow): SurveyQuestion {
  return { ...presentQuestion(row), options: row.options.filter((o) => !o.retired) };
}
