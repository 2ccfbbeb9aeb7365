import type { OutboxJobView } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { isPlatformAdmin } from '../accounts/policy';
import { rowsOf } from '../db/rows';
import { DomainError, notFound } from '../http/errors';

interface JobRow {
  id: string;
  kind: string;
  key: string;
  status: OutboxJobView['status'];
  attempts: number;
  last_error: string | null;
  run_at: Date;
  created_at: Date;
}

const present = (row: JobRow): OutboxJobView => ({
  id: String(row.id),
  kind: row.kind,
  key: row.key,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  runAt: row.run_at.toISOString(),
  createdAt: row.created_at.toISOString(),
});

/** The platform team's view of the outbox: what is stuck, why, and a second chance for it. */
export class OutboxAdminService {
  constructor(private readonly db: DataSource) {}

  async list(actor: Actor, status: OutboxJobView['status']): Promise<{ items: OutboxJobView[] }> {
    this.requireAdmin(actor);
    const order = status === 'pending' ? 'run_at, id' : 'created_at DESC, id DESC';
    const rows = (await this.db.query(`SELECT id, kind, key, status, attempts, last_error, run_at, created_at FROM outbox_jobs WHERE status = $1 ORDER BY ${order} LIMIT 200`, [status])) as JobRow[];
    return { items: rows.map(present) };
  }

  /** A dead job runs again from its first attempt, e.g. once the mail server's address is fixed. */
  async retry(actor: Actor, id: string): Promise<OutboxJobView> {
    this.requireAdmin(actor);
    const [row] = rowsOf<JobRow>(
      await this.db.query(
        `UPDATE outbox_jobs SET status = 'pending', attempts = 0, run_at = now(), last_error = NULL WHERE id = $1 AND status = 'dead'
         RETURNING id, kind, key, status, attempts, last_error, run_at, created_at`,
        [id],
      ),
    );
    if (row) return present(row);
    const [exists] = (await this.db.query(`SELECT status FROM outbox_jobs WHERE id = $1`, [id])) as { status: string }[];
    if (!exists) throw notFound('Job');
    throw new DomainError('invalid_transition', 'Only a dead job can be retried', { status: exists.status });
  }

  private requireAdmin(actor: Actor): void {
    if (!isPlatformAdmin(actor)) throw new DomainError('forbidden', 'Only the platform team sees the job queue');
  }
}
