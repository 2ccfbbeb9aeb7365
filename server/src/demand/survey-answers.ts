import { MUNICIPALITIES, type SurveyAnswerValue, type SurveyQuestion } from '@landraeume/shared';
import { DomainError } from '../http/errors';

/*
 * Checks a response against the questions as they are now. Pure, so every rule is a unit test.
 * Answers are kept by question key and option key; labels never enter a stored answer.
 */

interface Issue {
  path: string;
  message: string;
  code: string;
}

const REGION_POSTCODES = new Set<string>(MUNICIPALITIES.map((m) => m.postcode));

function issueFor(question: SurveyQuestion, value: SurveyAnswerValue): string | undefined {
  const live = new Set(question.options.filter((o) => !o.retired).map((o) => o.key));
  switch (question.type) {
    case 'single_choice':
      return typeof value === 'string' && live.has(value) ? undefined : 'answer.not_an_option';
    case 'multiple_choice':
      return Array.isArray(value) && new Set(value).size === value.length && value.every((v) => live.has(v)) ? undefined : 'answer.not_an_option';
    case 'number':
      if (typeof value !== 'number') return 'answer.not_a_number';
      return (question.min !== null && value < question.min) || (question.max !== null && value > question.max) ? 'answer.out_of_range' : undefined;
    case 'postcode':
      if (typeof value !== 'string' || !/^[0-9]{5}$/.test(value)) return 'postcode.invalid';
      return question.regionOnly && !REGION_POSTCODES.has(value) ? 'postcode.unknown' : undefined;
  }
}

const isEmpty = (value: SurveyAnswerValue | undefined) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The answers worth keeping (empty ones dropped), or an invalid_input naming each bad answer. */
export function checkAnswers(questions: SurveyQuestion[], answers: Record<string, SurveyAnswerValue>): Record<string, SurveyAnswerValue> {
  const live = new Map(questions.filter((q) => !q.retired).map((q) => [q.key, q]));
  const issues: Issue[] = [];
  const kept: Record<string, SurveyAnswerValue> = {};
  for (const [key, value] of Object.entries(answers)) {
    const question = live.get(key);
    if (!question) {
      issues.push({ path: `answers.${key}`, message: 'answer.unknown_question', code: 'custom' });
      continue;
    }
    if (isEmpty(value)) continue;
    const problem = issueFor(question, value);
    if (problem) issues.push({ path: `answers.${key}`, message: problem, code: 'custom' });
    else kept[key] = value;
  }
  for (const question of live.values()) {
    if (question.required && isEmpty(answers[question.key])) issues.push({ path: `answers.${question.key}`, message: 'answer.required', code: 'custom' });
  }
  if (issues.length) throw new DomainError('invalid_input', 'Invalid request body', { issues });
  return kept;
}
