import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events that carry free text (a decision's or cancellation's reason) or an invited
 * person's e-mail address, by age: the retention job clears those fields once the retention
 * period is over and finds them here instead of reading the whole log every minute.
 */
export class AuditFreeText1764000018000 implements MigrationInterface {
  name = 'AuditFreeText1764000018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_free_text_idx ON audit_events (created_at) WHERE data ? 'reason' OR data ? 'email'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_free_text_idx`);
  }
}
