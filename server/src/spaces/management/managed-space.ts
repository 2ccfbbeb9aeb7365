import type { EntityManager } from 'typeorm';
import type { Actor } from '../../accounts/actor';
import { canManageSpacesOf } from '../../accounts/policy';
import type { Queryable } from '../../db/queryable';
import { notFound } from '../../http/errors';

export interface ManagedSpace {
  id: string;
  organizationId: string;
  published: boolean;
  minDurationMinutes: number;
  maxDurationMinutes: number;
}

/**
 * A space the actor manages, locked for the change when inside a transaction. For everyone
 * else it does not exist: the same 404 as an unknown id, so spaces of others stay unseen.
 */
export async function loadManagedSpace(db: Queryable | EntityManager, actor: Actor, spaceId: string, lock = false): Promise<ManagedSpace> {
  const [row] = (await db.query(
    `SELECT s.id, s.organization_id, o.kind, s.published, s.min_duration_minutes, s.max_duration_minutes
       FROM spaces s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
    [spaceId],
  )) as { id: string; organization_id: string; kind: string; published: boolean; min_duration_minutes: number; max_duration_minutes: number }[];
  if (!row || !canManageSpacesOf(actor, { id: row.organization_id, kind: row.kind })) throw notFound('Space');
  return { id: row.id, organizationId: row.organization_id, published: row.published, minDurationMinutes: row.min_duration_minutes, maxDurationMinutes: row.max_duration_minutes };
}
