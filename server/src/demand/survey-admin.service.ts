import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { SurveyAdminView, SurveyOption, SurveyQuestion, surveyQuestionCreateSchema, surveyQuestionUpdateSchema } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { canEditSurvey } from '../accounts/policy';
import { rowsOf } from '../db/rows';
import { DomainError, notFound } from '../http/errors';
import { loadSurvey, SURVEY_KEY } from './survey.service';
import { presentQuestion, QUESTION_COLUMNS, type SurveyQuestionRow } from './survey.presenter';

const isChoice = (type: string) => type === 'single_choice' || type === 'multiple_choice';

/**
 * Merges edited options into the stored ones. Known keys take the new label; new keys are
 * appended; a stored option left out is retired, never deleted, so an old answer naming it keeps
 * its label. Keys are never rewritten: a key means the same thing for the survey's whole life.
 */
export function mergeOptions(stored: SurveyOption[], edited: { key: string; label: SurveyOption['label'] }[]): SurveyOption[] {
  const byKey = new Map(edited.map((o) => [o.key, o]));
  const kept = stored.map((o) => (byKey.has(o.key) ? { key: o.key, label: byKey.get(o.key)!.label, retired: false } : { ...o, retired: true }));
  const known = new Set(stored.map((o) => o.key));
  return [...kept, ...edited.filter((o) => !known.has(o.key)).map((o) => ({ key: o.key, label: o.label, retired: false }))];
}

export class SurveyAdminService {
  constructor(private readonly db: DataSource) {}

  private guard(actor: Actor | undefined): void {
    if (!canEditSurvey(actor)) throw new DomainError('forbidden', 'Only the platform team edits the survey');
  }

  async view(actor: Actor | undefined): Promise<SurveyAdminView> {
    this.guard(actor);
    const { survey, questions } = await loadSurvey(this.db);
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM survey_responses WHERE survey_key = $1`, [SURVEY_KEY])) as [{ n: number }];
    return { open: survey.open, questions: questions.map(presentQuestion), responses: n };
  }

  async setOpen(actor: Actor | undefined, open: boolean): Promise<SurveyAdminView> {
    this.guard(actor);
    await this.db.query(`UPDATE surveys SET open = $2, updated_at = now() WHERE key = $1`, [SURVEY_KEY, open]);
    return this.view(actor);
  }

  async addQuestion(actor: Actor | undefined, input: z.output<typeof surveyQuestionCreateSchema>): Promise<SurveyQuestion> {
    this.guard(actor);
    const rows = (await this.db.query(
      `INSERT INTO survey_questions (survey_key, key, type, label, required, options, min, max, region_only, position)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce(max(position), 0) + 10 FROM survey_questions WHERE survey_key = $1
       ON CONFLICT (survey_key, key) DO NOTHING RETURNING ${QUESTION_COLUMNS}`,
      [SURVEY_KEY, input.key, input.type, JSON.stringify(input.label), input.required, JSON.stringify(input.options.map((o) => ({ ...o, retired: false }))), input.min, input.max, input.type === 'postcode' && input.regionOnly],
    )) as SurveyQuestionRow[];
    // A key once used keeps its meaning, even after the question was retired.
    if (!rows[0]) throw new DomainError('conflict', 'A question with this key exists already', { key: input.key });
    return presentQuestion(rows[0]);
  }

  async updateQuestion(actor: Actor | undefined, key: string, input: z.output<typeof surveyQuestionUpdateSchema>): Promise<SurveyQuestion> {
    this.guard(actor);
    return this.db.transaction(async (m) => {
      const [row] = (await m.query(`SELECT ${QUESTION_COLUMNS} FROM survey_questions WHERE survey_key = $1 AND key = $2 FOR UPDATE`, [SURVEY_KEY, key])) as SurveyQuestionRow[];
      if (!row) throw notFound('Question');
      if (input.options && (!isChoice(row.type) || input.options.length === 0)) {
        throw new DomainError('invalid_input', 'Invalid request body', { issues: [{ path: 'options', message: 'options.only_for_choices', code: 'custom' }] });
      }
      const min = input.min === undefined ? row.min : input.min;
      const max = input.max === undefined ? row.max : input.max;
      if (min !== null && max !== null && min > max) throw new DomainError('invalid_input', 'Invalid request body', { issues: [{ path: 'max', message: 'range.invalid', code: 'custom' }] });
      const options = input.options ? mergeOptions(row.options, input.options) : row.options;
      const [updated] = rowsOf<SurveyQuestionRow>(await m.query(
        `UPDATE survey_questions SET label = $3, required = $4, options = $5, min = $6, max = $7, position = $8, retired = $9, updated_at = now()
          WHERE survey_key = $1 AND key = $2 RETURNING ${QUESTION_COLUMNS}`,
        [SURVEY_KEY, key, JSON.stringify(input.label ?? row.label), input.required ?? row.required, JSON.stringify(options), min, max, input.position ?? row.position, input.retired ?? row.retired],
      ));
      return presentQuestion(updated!);
    });
  }
}
