import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_SURVEY_QUESTIONS } from './data/initial-survey';

/**
 * Demand insight: the commuter survey, newsletter sign-ups, and anonymous demand events.
 *
 * Privacy by construction: an answer row has no name, e-mail, IP or user; the only thing tied to
 * it is the hash of a random key the browser made up, kept to refuse a second answer. Newsletter
 * addresses live in their own table with no reference to any answer. Demand events (searches with
 * a window, refused bookings) carry a town or a point snapped to a 1 km grid, never a person.
 *
 * Questions are data: keyed by a stable key, with options keyed the same way, so relabelling or
 * retiring never changes what a stored answer means. The first set of questions is part of the
 * schema's history, so it is written here rather than by the demo seed.
 */
export class Demand1764000009000 implements MigrationInterface {
  name = 'Demand1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE surveys (
        key text PRIMARY KEY,
        title jsonb NOT NULL,
        open boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE survey_questions (
        survey_key text NOT NULL REFERENCES surveys(key) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_-]{0,49}$'),
        type text NOT NULL CHECK (type IN ('single_choice', 'multiple_choice', 'number', 'postcode')),
        label jsonb NOT NULL,
        required boolean NOT NULL DEFAULT false,
        options jsonb NOT NULL DEFAULT '[]',
        min double precision,
        max double precision,
        region_only boolean NOT NULL DEFAULT false,
        position integer NOT NULL DEFAULT 0,
        retired boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (survey_key, key)
      )`);
    await q.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_key text NOT NULL REFERENCES surveys(key) ON DELETE CASCADE,
        browser_key_hash text NOT NULL CHECK (length(browser_key_hash) = 64),
        answers jsonb NOT NULL,
        submitted_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Europe/Berlin')::date,
        UNIQUE (survey_key, browser_key_hash)
      )`);
    await q.query(`CREATE INDEX survey_responses_month_idx ON survey_responses (survey_key, submitted_on)`);
    await q.query(`
      CREATE TABLE newsletter_signups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) <= 254),
        locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
        -- the day only: a timestamp could pair a sign-up with the answer sent in the same second
        created_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Europe/Berlin')::date
      )`);
    await q.query(`CREATE UNIQUE INDEX newsletter_signups_email_idx ON newsletter_signups (lower(email))`);
    await q.query(`
      CREATE TABLE demand_events (
        id bigserial PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('search', 'booking_conflict', 'quota_exceeded')),
        occurred_at timestamptz NOT NULL DEFAULT date_trunc('hour', now()),
        municipality text,
        grid_lat double precision CHECK (grid_lat BETWEEN -90 AND 90),
        grid_lon double precision CHECK (grid_lon BETWEEN -180 AND 180),
        space_kind text,
        space_id uuid REFERENCES spaces(id) ON DELETE SET NULL,
        window_start timestamptz,
        window_end timestamptz,
        result_count integer CHECK (result_count >= 0)
      )`);
    await q.query(`CREATE INDEX demand_events_month_idx ON demand_events (occurred_at, municipality)`);

    await q.query(`INSERT INTO surveys (key, title) VALUES ('pendeln', $1)`, [
      JSON.stringify({ de: 'Umfrage: Pendeln, Arbeiten und Räume im Kreis Coesfeld', en: 'Survey: commuting, working and rooms in Kreis Coesfeld' }),
    ]);
    for (const [position, question] of INITIAL_SURVEY_QUESTIONS.entries()) {
      await q.query(
        `INSERT INTO survey_questions (survey_key, key, type, label, required, options, min, max, region_only, position)
         VALUES ('pendeln', $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [question.key, question.type, JSON.stringify(question.label), question.required, JSON.stringify(question.options.map((o) => ({ ...o, retired: false }))), question.min ?? null, question.max ?? null, question.regionOnly ?? false, position * 10],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['demand_events', 'newsletter_signups', 'survey_responses', 'survey_questions', 'surveys']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
