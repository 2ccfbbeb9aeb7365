import type { LockAdapterName } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { Queryable } from '../db/queryable';
import type { JobHandler } from '../notifications/outbox';
import { LOCK_ADAPTER_REGISTRY, type LockAdapter } from './lock-adapter';

interface LockJobRow {
  booking_id: string;
  space_id: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  code_lead_minutes: number;
  code: string | null;
  lock_adapter: LockAdapterName | null;
  lock_url: string | null;
  lock_secret: string | null;
}

/**
 * Grants and revokes queued by the database when a code-lock booking is confirmed or ends, and
 * revokes queued when its space stops using codes or its lock system. The state is read at
 * delivery: a grant for a booking cancelled meanwhile sends nothing (its revoke follows), nor
 * does a grant for a space that dropped its lock system; a revoke goes to the address and with
 * the secret the space still keeps.
 */
export function lockJobHandlers(deps: { db: Queryable; adapters?: Record<string, LockAdapter> }): Record<string, JobHandler> {
  const adapters = deps.adapters ?? LOCK_ADAPTER_REGISTRY;
  return {
    async 'access.lock'(job) {
      // Only a revoke queued because the space stopped using its lock system names the adapter that granted.
      const { bookingId, action, adapter: grantedBy } = job.payload as { bookingId: string; action: 'grant' | 'revoke'; adapter?: LockAdapterName };
      const [row] = (await deps.db.query(
        `SELECT b.id AS booking_id, b.space_id, b.status, lower(b.period) AS starts_at, upper(b.period) AS ends_at, s.code_lead_minutes,
                a.code, s.lock_adapter, s.lock_url, s.lock_secret
           FROM bookings b JOIN spaces s ON s.id = b.space_id LEFT JOIN booking_access a ON a.booking_id = b.id
          WHERE b.id = $1`,
        [bookingId],
      )) as LockJobRow[];
      const adapterName = grantedBy ?? row?.lock_adapter;
      if (!row || !adapterName || !row.lock_url || !row.lock_secret) return;
      const adapter = adapters[adapterName];
      if (!adapter) throw new Error(`no lock adapter named ${adapterName}`);
      const target = { url: row.lock_url, secret: row.lock_secret };
      if (action === 'revoke') {
        await adapter.revoke(target, { bookingId: row.booking_id, spaceId: row.space_id });
        return;
      }
      if (row.status !== 'confirmed' || !row.code) return;
      await adapter.grant(target, {
        bookingId: row.booking_id,
        spaceId: row.space_id,
        code: row.code,
        validFrom: DateTime.fromJSDate(row.starts_at).minus({ minutes: row.code_lead_minutes }).toUTC().toISO()!,
        validUntil: DateTime.fromJSDate(row.ends_at).toUTC().toISO()!,
      });
    },
  };
}
