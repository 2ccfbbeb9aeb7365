import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { expirePendingBookings } from '../bookings/expiry.job';
import { purgeExpiredKeys } from '../bookings/idempotency';
import { bookingMailHandlers } from '../notifications/booking-mails';
import { contractMailHandlers } from '../notifications/contract-mails';
import type { Mailer } from '../notifications/mailer';
import { deliverDue, type JobHandler } from '../notifications/outbox';
import { enqueueDueReminders, reminderMailHandlers } from '../notifications/reminders';
import { seriesMailHandlers } from '../notifications/series-mails';
import { startScheduler, type ScheduledJob } from './scheduler';

export interface WorkerDeps {
  db: DataSource;
  mailer: Mailer;
  publicUrl: string;
  mailFrom: string;
  /** 0 turns reminders off. */
  reminderHours: number;
  log: Logger;
}

export function maintenanceJobs(deps: Pick<WorkerDeps, 'db' | 'reminderHours'>): ScheduledJob[] {
  const { db } = deps;
  return [
    { name: 'expire-pending-bookings', run: () => expirePendingBookings(db) },
    { name: 'purge-idempotency-keys', run: () => purgeExpiredKeys((sql) => db.query(sql)) },
    ...(deps.reminderHours > 0 ? [{ name: 'queue-reminders', run: () => enqueueDueReminders(db, { leadHours: deps.reminderHours }) }] : []),
  ];
}

/** Every kind of outbox job and who delivers it. */
export function outboxHandlers(deps: Pick<WorkerDeps, 'db' | 'mailer' | 'publicUrl' | 'mailFrom'>): Record<string, JobHandler> {
  const mailDeps = { db: deps.db, mailer: deps.mailer, publicUrl: deps.publicUrl, fromAddress: deps.mailFrom };
  return { ...bookingMailHandlers(mailDeps), ...seriesMailHandlers(mailDeps), ...reminderMailHandlers(mailDeps), ...contractMailHandlers(mailDeps) };
}

/** The worker: mails every few seconds, housekeeping every minute; safe to run on several workers. */
export function startWorker(deps: WorkerDeps): { stop(): Promise<void> } {
  const handlers = outboxHandlers(deps);
  const mail = startScheduler([{ name: 'deliver-outbox', run: () => deliverDue(deps.db, handlers, deps.log) }], deps.log, 2_000);
  const housekeeping = startScheduler(maintenanceJobs(deps), deps.log);
  return {
    async stop() {
      await Promise.all([mail.stop(), housekeeping.stop()]);
    },
  };
}
