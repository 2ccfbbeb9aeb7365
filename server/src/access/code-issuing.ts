import { CODE_MODES, type AccessMode } from '@landraeume/shared';
import type { EntityManager } from 'typeorm';

/**
 * Bookings confirmed before their space switched to a keypad or smart lock have no code yet: the
 * space's change gives each one still to come its code (and its grant to the lock system), in the
 * change's transaction, with the same database function that confirmation uses.
 */
export async function issueMissingCodes(m: EntityManager, spaceId: string, mode: AccessMode | undefined): Promise<void> {
  if (!mode || !CODE_MODES.includes(mode)) return;
  await m.query(
    `SELECT issue_access_code(b.id) FROM bookings b
      WHERE b.space_id = $1 AND b.status = 'confirmed' AND upper(b.period) > now()
        AND NOT EXISTS (SELECT 1 FROM booking_access a WHERE a.booking_id = b.id AND a.code IS NOT NULL)`,
    [spaceId],
  );
}
