import { CODE_MODES, type AccessMode, type LockAdapterName } from '@landraeume/shared';
import type { EntityManager } from 'typeorm';

export interface CodeSettings {
  accessMode: AccessMode;
  lockAdapter: LockAdapterName | null;
}

/** Confirmed bookings of the space that have not ended yet. */
const COMING = `b.space_id = $1 AND b.status = 'confirmed' AND upper(b.period) > now()`;

/**
 * A change of a space's access settings carried over to its bookings still to come, in the
 * change's transaction:
 * - a space that stops using codes, or leaves the lock system they were pushed to, takes the
 *   codes back, and that lock system gets a revoke for each: a granted code would otherwise keep
 *   opening the door;
 * - a space that uses codes gives each booking without one its code, with the database function
 *   that confirmation uses, which also grants it to the space's lock system; a lock system newly
 *   set up gets the codes bookings already have.
 */
export async function carryOverAccess(m: EntityManager, spaceId: string, before: CodeSettings, after: CodeSettings): Promise<void> {
  const codesEnd = CODE_MODES.includes(before.accessMode) && !CODE_MODES.includes(after.accessMode);
  const lockLeft = before.lockAdapter !== null && after.lockAdapter !== before.lockAdapter;
  if (codesEnd || lockLeft) await withdrawCodes(m, spaceId, before.lockAdapter);
  if (!CODE_MODES.includes(after.accessMode)) return;
  const lockArrives = before.lockAdapter === null && after.lockAdapter !== null;
  await m.query(
    `SELECT issue_access_code(b.id) FROM bookings b
      WHERE ${COMING} AND ($2 OR NOT EXISTS (SELECT 1 FROM booking_access a WHERE a.booking_id = b.id AND a.code IS NOT NULL))`,
    [spaceId, lockArrives],
  );
}

/** Clears the codes of the space's bookings to come and revokes them at the lock system that had them. */
async function withdrawCodes(m: EntityManager, spaceId: string, revokeAt: LockAdapterName | null): Promise<void> {
  await m.query(
    `WITH coming AS (
       SELECT a.booking_id FROM booking_access a JOIN bookings b ON b.id = a.booking_id WHERE ${COMING} AND a.code IS NOT NULL),
     revoked AS (
       INSERT INTO outbox_jobs (kind, key, payload)
       SELECT 'access.lock', booking_id || ':access.lock:revoke:' || txid_current(), jsonb_build_object('bookingId', booking_id, 'action', 'revoke', 'adapter', $2::text)
         FROM coming WHERE $2::text IS NOT NULL
       ON CONFLICT (key) DO NOTHING)
     UPDATE booking_access SET code = NULL, updated_at = now() WHERE booking_id IN (SELECT booking_id FROM coming)`,
    [spaceId, revokeAt],
  );
}
