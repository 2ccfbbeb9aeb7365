import type { AccessMode, LockAdapterName, ManagedSpaceDetail } from '@landraeume/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../accounts/actor';
import { canManageSpacesOf } from '../../accounts/policy';
import type { Queryable } from '../../db/queryable';
import { notFound } from '../../http/errors';
import type { SpaceService } from '../spaces.service';

export interface ManagedSpace {
  id: string;
  organizationId: string;
  published: boolean;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  accessMode: AccessMode;
  lockAdapter: LockAdapterName | null;
}

/**
 * A space the actor manages, locked for the change when inside a transaction. For everyone
 * else it does not exist: the same 404 as an unknown id, so spaces of others stay unseen.
 */
export async function loadManagedSpace(db: Queryable | EntityManager, actor: Actor, spaceId: string, lock = false): Promise<ManagedSpace> {
  const [row] = (await db.query(
    `SELECT s.id, s.organization_id, o.kind, s.published, s.min_duration_minutes, s.max_duration_minutes, s.access_mode, s.lock_adapter
       FROM spaces s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
    [spaceId],
  )) as { id: string; organization_id: string; kind: string; published: boolean; min_duration_minutes: number; max_duration_minutes: number; access_mode: AccessMode; lock_adapter: LockAdapterName | null }[];
  if (!row || !canManageSpacesOf(actor, { id: row.organization_id, kind: row.kind })) throw notFound('Space');
  return {
    id: row.id,
    organizationId: row.organization_id,
    published: row.published,
    minDurationMinutes: row.min_duration_minutes,
    maxDurationMinutes: row.max_duration_minutes,
    accessMode: row.access_mode,
    lockAdapter: row.lock_adapter,
  };
}

interface ManagerColumns {
  access_instructions: string;
  key_place: string;
  key_pickup_hours_before: number;
  key_return_hours_after: number;
  code_lead_minutes: number;
  lock_adapter: 'webhook' | null;
  lock_url: string | null;
  lock_secret_set: boolean;
  setup_minutes: number;
  cleanup_minutes: number;
}

/** The answer to every change of a space, read after the commit so it shows what was stored. */
export async function managedDetail(db: Queryable, spaces: SpaceService, actor: Actor, spaceId: string): Promise<ManagedSpaceDetail> {
  const [detail, [row]] = await Promise.all([
    spaces.detail(actor, spaceId),
    db.query(
      `SELECT access_instructions, key_place, key_pickup_hours_before, key_return_hours_after, code_lead_minutes, lock_adapter, lock_url, lock_secret IS NOT NULL AS lock_secret_set, setup_minutes, cleanup_minutes
         FROM spaces WHERE id = $1`,
      [spaceId],
    ) as Promise<ManagerColumns[]>,
  ]);
  if (!row) throw notFound('Space');
  return {
    ...detail,
    accessInstructions: row.access_instructions,
    keyPlace: row.key_place,
    keyPickupHoursBefore: row.key_pickup_hours_before,
    keyReturnHoursAfter: row.key_return_hours_after,
    codeLeadMinutes: row.code_lead_minutes,
    lockAdapter: row.lock_adapter,
    lockUrl: row.lock_url,
    lockSecretSet: row.lock_secret_set,
    setupMinutes: row.setup_minutes,
    cleanupMinutes: row.cleanup_minutes,
  };
}
