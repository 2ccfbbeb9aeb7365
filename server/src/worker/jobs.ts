import type { DataSource } from 'typeorm';
import { expirePendingBookings } from '../bookings/expiry.job';
import { purgeExpiredKeys } from '../bookings/idempotency';
import type { ScheduledJob } from './scheduler';

export function scheduledJobs(db: DataSource): ScheduledJob[] {
  return [
    { name: 'expire-pending-bookings', run: () => expirePendingBookings(db) },
    { name: 'purge-idempotency-keys', run: () => purgeExpiredKeys((sql) => db.query(sql)) },
  ];
}
