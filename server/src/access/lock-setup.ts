import type { EntityManager } from 'typeorm';
import { DomainError } from '../http/errors';

/** A lock system needs somewhere to send codes and a secret to sign them; half a setup is refused (422). */
export async function checkLockSetup(m: EntityManager, spaceId: string): Promise<void> {
  const [row] = (await m.query(`SELECT lock_adapter, lock_url IS NULL AS no_url, lock_secret IS NULL AS no_secret FROM spaces WHERE id = $1`, [spaceId])) as {
    lock_adapter: string | null;
    no_url: boolean;
    no_secret: boolean;
  }[];
  if (!row?.lock_adapter) return;
  const missing = [...(row.no_url ? ['lockUrl'] : []), ...(row.no_secret ? ['lockSecret'] : [])];
  if (missing.length) throw new DomainError('rule_violation', 'A lock system needs its address and a secret', { missing });
}
