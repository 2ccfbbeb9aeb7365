import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { snapToGrid } from '../server/src/demand/grid';
import { searches, surveyAnswers } from './data/survey-answers';

export const SEED_SURVEY_ANSWERS = 320;
export const SEED_SEARCHES = 180;

/**
 * Survey answers and anonymous searches, so the reports show something on a fresh install.
 * Answers are keyed by a made-up browser key per index, so a second run inserts nothing; the
 * searches go in together with the first run's answers only.
 */
export async function insertDemand(m: EntityManager, now: DateTime): Promise<{ surveyResponses: number; demandEvents: number }> {
  let surveyResponses = 0;
  for (const [index, { answers, daysAgo }] of surveyAnswers(SEED_SURVEY_ANSWERS).entries()) {
    const hash = createHash('sha256').update(`seed-survey-answer:${index}`).digest('hex');
    const inserted = (await m.query(
      `INSERT INTO survey_responses (survey_key, browser_key_hash, answers, submitted_on) VALUES ('pendeln', $1, $2, $3)
       ON CONFLICT (survey_key, browser_key_hash) DO NOTHING RETURNING 1`,
      [hash, JSON.stringify(answers), now.minus({ days: daysAgo }).toISODate()],
    )) as unknown[];
    surveyResponses += inserted.length;
  }
  if (surveyResponses === 0) return { surveyResponses, demandEvents: 0 };

  const rows = searches(SEED_SEARCHES);
  for (const search of rows) {
    const at = now.minus({ days: search.daysAgo }).set({ hour: search.hour, minute: 0, second: 0, millisecond: 0 });
    const window = at.plus({ days: 2 }).startOf('day');
    const cell = search.place ? snapToGrid(search.place) : null;
    await m.query(
      `INSERT INTO demand_events (source, occurred_at, municipality, grid_lat, grid_lon, space_kind, window_start, window_end, result_count)
       VALUES ('search', $1, $2, $3, $4, $5, $6, $7, $8)`,
      [at.toISO(), search.municipality, cell?.lat ?? null, cell?.lon ?? null, search.kind, window.toISO(), window.plus({ days: 1 }).toISO(), search.resultCount],
    );
  }
  return { surveyResponses, demandEvents: rows.length };
}
