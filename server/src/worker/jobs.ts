import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { enqueueOverdueKeyReminders, keyOverdueMailHandlers } from '../access/key-overdue';
import { lockJobHandlers } from '../access/lock-jobs';
import { BookingCreateService } from '../bookings/booking-create.service';
import { expirePendingBookings } from '../bookings/expiry.job';
import { releaseNoShows } from '../checkin/no-show.job';
import { DEFAULT_PENDING_EXPIRY_HOURS } from '../bookings/booking-writer';
import { DEFAULT_WAITLIST_HOLD_MINUTES, lapseOffers, WaitlistOffers } from '../waitlist/waitlist-offers';
import { waitlistHandlers } from '../waitlist/waitlist-mails';
import { purgeExpiredKeys } from '../bookings/idempotency';
import type { Metrics } from '../metrics/metrics';
import { newsletterMailHandlers } from '../notifications/newsletter-mails';
import { admissionMailHandlers } from '../notifications/admission-mails';
import { bookingMailHandlers } from '../notifications/booking-mails';
import { contractMailHandlers } from '../notifications/contract-mails';
import type { Mailer } from '../notifications/mailer';
import { deliverDue, type JobHandler, type OutboxJob } from '../notifications/outbox';
import { enqueueDueReminders, reminderMailHandlers } from '../notifications/reminders';
import { seriesMailHandlers } from '../notifications/series-mails';
import { webhookHandlers } from '../webhooks/delivery.job';
import { announceBookingPhases, purgeWebhookLog } from '../webhooks/phases.job';
import { DEFAULT_WEBHOOK_POLICY, type TargetPolicy } from '../webhooks/url-guard';
import { DEFAULT_RETENTION_MONTHS, enforceRetention } from './retention.job';
import { startScheduler, type ScheduledJob } from './scheduler';

export interface WorkerDeps {
  db: DataSource;
  mailer: Mailer;
  publicUrl: string;
  mailFrom: string;
  /** 0 turns reminders off. */
  reminderHours: number;
  log: Logger;
  metrics?: Pick<Metrics, 'outboxFailed'>;
  retentionMonths?: number;
  /** Where webhooks may be sent; link-local targets are refused by default. */
  webhookPolicy?: TargetPolicy;
  pendingExpiryHours?: number;
  waitlistHoldMinutes?: number;
}

/**
 * Housekeeping, every minute on every worker. Each job is safe to run on several at once:
 * expiry claims rows with SKIP LOCKED, the key purge is one idempotent DELETE, reminders and
 * overdue-key reminders are queued under a unique job key, and retention runs on one worker at a time (advisory lock).
 */
export function maintenanceJobs(deps: Pick<WorkerDeps, 'db' | 'reminderHours' | 'retentionMonths'>): ScheduledJob[] {
  const { db } = deps;
  return [
    { name: 'expire-pending-bookings', run: () => expirePendingBookings(db) },
    { name: 'release-no-shows', run: () => releaseNoShows(db) },
    { name: 'lapse-waitlist-offers', run: () => lapseOffers(db) },
    { name: 'purge-idempotency-keys', run: () => purgeExpiredKeys((sql) => db.query(sql)) },
    { name: 'queue-key-overdue-reminders', run: () => enqueueOverdueKeyReminders(db) },
    { name: 'enforce-retention', run: () => enforceRetention(db, deps.retentionMonths ?? DEFAULT_RETENTION_MONTHS) },
    { name: 'announce-booking-phases', run: () => announceBookingPhases(db) },
    { name: 'purge-webhook-log', run: () => purgeWebhookLog(db) },
    ...(deps.reminderHours > 0 ? [{ name: 'queue-reminders', run: () => enqueueDueReminders(db, { leadHours: deps.reminderHours }) }] : []),
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

/** Every kind of outbox job and who delivers it. */
export function outboxHandlers(deps: Pick<WorkerDeps, 'db' | 'mailer' | 'publicUrl' | 'mailFrom' | 'webhookPolicy' | 'pendingExpiryHours' | 'waitlistHoldMinutes'>): Record<string, JobHandler> {
  const mailDeps = { db: deps.db, mailer: deps.mailer, publicUrl: deps.publicUrl, fromAddress: deps.mailFrom };
  const pendingExpiryHours = deps.pendingExpiryHours ?? DEFAULT_PENDING_EXPIRY_HOURS;
  const offers = new WaitlistOffers(deps.db, new BookingCreateService(deps.db, pendingExpiryHours), deps.waitlistHoldMinutes ?? DEFAULT_WAITLIST_HOLD_MINUTES, pendingExpiryHours);
  return {
    ...bookingMailHandlers(mailDeps),
    ...seriesMailHandlers(mailDeps),
    ...reminderMailHandlers(mailDeps),
    ...contractMailHandlers(mailDeps),
    ...keyOverdueMailHandlers(mailDeps),
    ...lockJobHandlers({ db: deps.db }),
    ...admissionMailHandlers(mailDeps),
    ...newsletterMailHandlers(mailDeps),
    ...webhookHandlers({ db: deps.db, policy: deps.webhookPolicy ?? DEFAULT_WEBHOOK_POLICY }),
    ...waitlistHandlers({ ...mailDeps, offers }),
  };
}

/** The worker: mails every few seconds, housekeeping every minute; safe to run on several workers. */
export function startWorker(deps: WorkerDeps): { stop(): Promise<void> } {
  const handlers = counted(outboxHandlers(deps), (kind) => deps.metrics?.outboxFailed(kind));
  const mail = startScheduler([{ name: 'deliver-outbox', run: () => deliverDue(deps.db, handlers, deps.log) }], deps.log, 2_000);
  const housekeeping = startScheduler(maintenanceJobs(deps), deps.log);
  return {
    async stop() {
      await Promise.all([mail.stop(), housekeeping.stop()]);
    },
  };
}
