import type { Actor } from '../accounts/actor';
import { canManageSpacesOf } from '../accounts/policy';
import { notFound } from '../http/errors';
import type { Queryable } from '../db/queryable';
import { prepare, runPrepared } from '../db/prepared';
import { deskCountColumn, type SpaceSummaryRow } from './spaces.presenter';

export interface SpaceRow extends SpaceSummaryRow {
  description: string;
  zone: string;
  published: boolean;
  holidays_closed: boolean;
  house_rules: string;
  access_mode: 'staffed' | 'key_handover' | 'keypad' | 'smart_lock';
  slot_minutes: 15 | 30 | 60;
  min_duration_minutes: number;
  max_duration_minutes: number;
  lead_time_minutes: number;
  horizon_days: number;
  cancellation_deadline_hours: number;
  no_show_grace_minutes: number | null;
  organization_kind: string;
  organization_status: string;
  organization_admission: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (ref: string) => UUID.test(ref);

/** The columns of `SpaceRow`, for statements that read a space with more. */
export const SPACE_COLUMNS = `s.*, o.name AS provider_name, o.kind AS organization_kind, o.status AS organization_status, o.admission AS organization_admission,
  NULL::double precision AS distance_km, NULL::int AS free_units, ${deskCountColumn('s')}`;
export const SPACE_FROM = 'FROM spaces s JOIN organizations o ON o.id = s.organization_id';

const SPACE_BY_ID = prepare('space-by-id', `SELECT ${SPACE_COLUMNS} ${SPACE_FROM} WHERE s.id = $1::uuid`);
const SPACE_BY_SLUG = prepare('space-by-slug', `SELECT ${SPACE_COLUMNS} ${SPACE_FROM} WHERE s.slug = $1`);

/**
 * A space by id or slug, as the actor may see it: published spaces of active, admitted organizations are
 * public; the rest exists only for those who manage it. Everyone else gets the same 404 as for
 * an id that was never used, so hidden spaces cannot be discovered.
 */
export async function loadVisibleSpace(db: Queryable, actor: Actor | undefined, ref: string): Promise<SpaceRow> {
  const [row] = (await runPrepared(db, isUuid(ref) ? SPACE_BY_ID : SPACE_BY_SLUG, [ref])) as SpaceRow[];
  return visibleOrNotFound(row, actor);
}

/** What decides who may see a space. */
export type SpaceVisibility = Pick<SpaceRow, 'published' | 'organization_id' | 'organization_kind' | 'organization_status' | 'organization_admission'>;

/** Published, by an admitted and active provider: what search lists and everyone may see. */
export const isListed = (row: SpaceVisibility) => row.published && row.organization_status === 'active' && row.organization_admission === 'admitted';

export function visibleOrNotFound<T extends SpaceVisibility>(row: T | undefined, actor: Actor | undefined): T {
  if (!row) throw notFound('Space');
  if (!isListed(row) && !canManageSpacesOf(actor, { id: row.organization_id, kind: row.organization_kind })) throw notFound('Space');
  return row;
}
