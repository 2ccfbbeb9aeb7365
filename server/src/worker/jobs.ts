import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { expirePendingBookings } from '../bookings/expiry.job';
import { purgeExpiredKeys } from '../bookings/idempotency';
import type { Metrics } from '../metrics/metrics';
import { bookingMailHandlers } from '../notifications/booking-mails';
import type { Mailer } from '../notifications/mailer';
import { deliverDue, type JobHandler, type OutboxJob } from '../notifications/outbox';
import { seriesMailHandlers } from '../notifications/series-mails';
import { DEFAULT_RETENTION_MONTHS, enforceRetention } from './retention.job';
import { startScheduler, type ScheduledJob } from './scheduler';

/**
 * Housekeeping, every minute on every worker. Each job is safe to run on several at once:
 * expiry claims rows with SKIP LOCKED, the key purge is one idempotent DELETE, and retention
 * runs on one worker at a time (advisory lock).
 */
export function maintenanceJobs(db: DataSource, retentionMonths = DEFAULT_RETENTION_MONTHS): ScheduledJob[] {
  return [
    { name: 'expire-pending-bookings', run: () => expirePendingBookings(db) },
    { name: 'purge-idempotency-keys', run: () => purgeExpiredKeys((sql) => db.query(sql)) },
    { name: 'enforce-retention', run: () => enforceRetention(db, retentionMonths) },
  ];
}

/** Counts a handler's failure for /metrics and passes it on to the outbox, which retries it. */
function counted(handlers: Record<string, JobHandler>, failed: (kind: string) => void): Record<string, JobHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]) => [
      kind,
      async (job: OutboxJob) => {
        try {
          await handler(job);
        } catch (err) {
          failed(kind);
          throw err;
        }
      },
    ]),
  );
}

export interface WorkerDeps {
  db: DataSource;
  mailer: Mailer;
  publicUrl: string;
  mailFrom: string;
  log: Logger;
  metrics?: Pick<Metrics, 'outboxFailed'>;
  retentionMonths?: number;
}

/** The worker: mails every few seconds, housekeeping every minute; safe to run on several workers. */
export function startWorker(deps: WorkerDeps): { stop(): Promise<void> } {
  const mailDeps = { db: deps.db, mailer: deps.mailer, publicUrl: deps.publicUrl, fromAddress: deps.mailFrom };
  const handlers = counted({ ...bookingMailHandlers(mailDeps), ...seriesMailHandlers(mailDeps) }, (kind) => deps.metrics?.outboxFailed(kind));
  const mail = startScheduler([{ name: 'deliver-outbox', run: () => deliverDue(deps.db, handlers, deps.log) }], deps.log, 2_000);
  const housekeeping = startScheduler(maintenanceJobs(deps.db, deps.retentionMonths), deps.log);
  return {
    async stop() {
      await Promise.all([mail.stop(), housekeeping.stop()]);
    },
  };
}
