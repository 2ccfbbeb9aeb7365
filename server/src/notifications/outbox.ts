import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Queryable } from '../db/queryable';

export interface OutboxJob {
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export type JobHandler = (job: OutboxJob) => Promise<void>;

/** After this many failures a job is dead: kept for the platform team to see, no longer retried. */
export const MAX_ATTEMPTS = 8;

/** Written inside the caller's transaction; a second job with the same key is ignored. */
export async function enqueue(db: Queryable, job: { kind: string; key: string; payload: Record<string, unknown> }): Promise<void> {
  await db.query(`INSERT INTO outbox_jobs (kind, key, payload) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`, [job.kind, job.key, JSON.stringify(job.payload)]);
}

/** Exponential backoff: 1, 2, 4 … minutes, at most six hours. */
export const backoffMinutes = (attempts: number) => Math.min(2 ** (attempts - 1), 360);

export interface DeliveryOptions {
  limit?: number;
  /** The clock, injected so tests can run tomorrow's jobs (and their retries) today; else the database's. */
  now?: Date;
}

/**
 * Delivers due jobs one at a time, each in its own transaction holding the job's row lock, so
 * several workers never run the same job (SKIP LOCKED) and a worker that dies mid-job leaves it
 * pending for the next. A failure is recorded and retried later; success marks it done.
 */
export async function deliverDue(db: DataSource, handlers: Record<string, JobHandler>, log: Logger, options: DeliveryOptions = {}): Promise<number> {
  const { limit = 50 } = options;
  const now = options.now ?? null;
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (m) => {
      const [job] = (await m.query(
        `SELECT id, kind, key, payload, attempts FROM outbox_jobs WHERE status = 'pending' AND run_at <= coalesce($1::timestamptz, now()) ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      )) as OutboxJob[];
      if (!job) return 'empty';
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for ${job.kind}`);
        await handler(job);
        await m.query(`UPDATE outbox_jobs SET status = 'done', attempts = attempts + 1, done_at = now(), last_error = NULL WHERE id = $1`, [job.id]);
        return 'done';
      } catch (err) {
        const attempts = job.attempts + 1;
        log.warn({ job: job.key, attempts, err }, 'outbox job failed');
        await m.query(
          `UPDATE outbox_jobs SET attempts = $2::int, last_error = $3, status = CASE WHEN $2::int >= $4::int THEN 'dead' ELSE 'pending' END, run_at = coalesce($6::timestamptz, now()) + make_interval(mins => $5) WHERE id = $1`,
          [job.id, attempts, String((err as Error).message ?? err).slice(0, 1000), MAX_ATTEMPTS, backoffMinutes(attempts), now],
        );
        return 'failed';
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'done') delivered++;
  }
  return delivered;
}
