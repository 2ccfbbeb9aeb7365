import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { expirePendingBookings } from '../bookings/expiry.job';
import { purgeExpiredKeys } from '../bookings/idempotency';
import { bookingMailHandlers } from '../notifications/booking-mails';
import { contractMailHandlers } from '../notifications/contract-mails';
import type { Mailer } from '../notifications/mailer';
import { deliverDue } from '../notifications/outbox';
import { seriesMailHandlers } from '../notifications/series-mails';
import { startScheduler, type ScheduledJob } from './scheduler';

export function maintenanceJobs(db: DataSource): ScheduledJob[] {
  return [
    { name: 'expire-pending-bookings', run: () => expirePendingBookings(db) },
    { name: 'purge-idempotency-keys', run: () => purgeExpiredKeys((sql) => db.query(sql)) },
  ];
}

/** The worker: mails every few seconds, housekeeping every minute; safe to run on several workers. */
export function startWorker(deps: { db: DataSource; mailer: Mailer; publicUrl: string; mailFrom: string; log: Logger }): { stop(): Promise<void> } {
  const mailDeps = { db: deps.db, mailer: deps.mailer, publicUrl: deps.publicUrl, fromAddress: deps.mailFrom };
  const handlers = { ...bookingMailHandlers(mailDeps), ...seriesMailHandlers(mailDeps), ...contractMailHandlers(mailDeps) };
  const mail = startScheduler([{ name: 'deliver-outbox', run: () => deliverDue(deps.db, handlers, deps.log) }], deps.log, 2_000);
  const housekeeping = startScheduler(maintenanceJobs(deps.db), deps.log);
  return {
    async stop() {
      await Promise.all([mail.stop(), housekeeping.stop()]);
    },
  };
}
