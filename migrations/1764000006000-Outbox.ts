import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: a job is written in the same transaction as the change that causes
 * it, so a mail is never lost when the mail server is down and never sent for a change that was
 * rolled back. The key makes a job (booking, event, sequence) unique: sent at most once.
 */
export class Outbox1764000006000 implements MigrationInterface {
  name = 'Outbox1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        key text NOT NULL UNIQUE,
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        run_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_jobs_due_idx ON outbox_jobs (run_at, id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_jobs`);
  }
}
