import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { surveyResponseCreateSchema, type Bilingual, type Survey } from '@landraeume/shared';
import type { z } from 'zod';
import type { Queryable } from '../db/queryable';
import { DomainError, notFound } from '../http/errors';
import { signUpForNewsletter } from './newsletter';
import { checkAnswers } from './survey-answers';
import type { Answers } from './survey-figures';
import { presentPublicQuestion, presentQuestion, QUESTION_COLUMNS, type SurveyQuestionRow } from './survey.presenter';

/** The one survey the district runs; questions change as data, the survey's key does not. */
export const SURVEY_KEY = 'pendeln';

/** Only the hash is stored: enough to recognise the browser again, useless for anything else. */
export const hashBrowserKey = (key: string) => createHash('sha256').update(`survey:${key}`).digest('hex');

interface SurveyRow {
  key: string;
  title: Bilingual;
  open: boolean;
}

export async function loadSurvey(db: Queryable): Promise<{ survey: SurveyRow; questions: SurveyQuestionRow[] }> {
  const [survey] = (await db.query(`SELECT key, title, open FROM surveys WHERE key = $1`, [SURVEY_KEY])) as SurveyRow[];
  if (!survey) throw notFound('Survey');
  const questions = (await db.query(`SELECT ${QUESTION_COLUMNS} FROM survey_questions WHERE survey_key = $1 ORDER BY position, key`, [SURVEY_KEY])) as SurveyQuestionRow[];
  return { survey, questions };
}

/** Every stored answer (of one month's days if given), in a fixed order, for the reports. */
export async function surveyAnswers(db: Queryable, days?: { firstDay: string; dayAfter: string }): Promise<Answers[]> {
  const rows = (await db.query(
    `SELECT answers FROM survey_responses WHERE survey_key = $1 AND ($2::date IS NULL OR (submitted_on >= $2 AND submitted_on < $3)) ORDER BY id`,
    [SURVEY_KEY, days?.firstDay ?? null, days?.dayAfter ?? null],
  )) as { answers: Answers }[];
  return rows.map((r) => r.answers);
}

export class SurveyService {
  constructor(private readonly db: DataSource) {}

  async current(browserKey: string | undefined): Promise<Survey> {
    const { survey, questions } = await loadSurvey(this.db);
    const answered = browserKey
      ? ((await this.db.query(`SELECT 1 FROM survey_responses WHERE survey_key = $1 AND browser_key_hash = $2`, [SURVEY_KEY, hashBrowserKey(browserKey)])) as unknown[]).length > 0
      : false;
    return { ...survey, questions: questions.filter((q) => !q.retired).map(presentPublicQuestion), answered };
  }

  /**
   * Stores an answer without any personal data. The unique browser-key hash refuses a second
   * answer from the same browser; the newsletter address, if given, goes to a table of its own
   * with only the day, so neither row can be matched to the other; it counts once confirmed.
   */
  async submit(input: z.output<typeof surveyResponseCreateSchema>): Promise<{ received: true }> {
    return this.db.transaction(async (m) => {
      const { survey, questions } = await loadSurvey(m);
      if (!survey.open) throw new DomainError('survey_closed', 'The survey is closed');
      const answers = checkAnswers(questions.map(presentQuestion), input.answers);
      const inserted = (await m.query(
        `INSERT INTO survey_responses (survey_key, browser_key_hash, answers) VALUES ($1, $2, $3)
         ON CONFLICT (survey_key, browser_key_hash) DO NOTHING RETURNING 1`,
        [SURVEY_KEY, hashBrowserKey(input.browserKey), JSON.stringify(answers)],
      )) as unknown[];
      if (!inserted.length) throw new DomainError('survey_already_answered', 'This browser has already answered the survey');
      if (input.newsletterEmail) {
        await signUpForNewsletter(m, input.newsletterEmail.trim(), input.locale);
      }
      return { received: true as const };
    });
  }
}
