import type { ClosureDto, ManagedSpaceSummary, Resource, ResourceFeature } from '@landraeume/shared';
import { presentSpaceSummary, type SpaceSummaryRow } from '../spaces.presenter';

export interface ManagedSpaceRow extends SpaceSummaryRow {
  published: boolean;
  resource_count: number;
  active_resource_count: number;
}

/** A line of the provider dashboard: what the public sees, plus what is still missing. */
export function presentManagedSpace(row: ManagedSpaceRow): ManagedSpaceSummary {
  return { ...presentSpaceSummary(row), published: row.published, resourceCount: row.resource_count, activeResourceCount: row.active_resource_count };
}

export interface ResourceRow {
  id: string;
  kind: 'desk' | 'room' | 'part';
  name: string;
  features: ResourceFeature[];
  capacity: number | null;
  parent_id: string | null;
  active: boolean;
}

export const RESOURCE_RETURNING = 'id, kind, name, features, capacity, parent_id, active';

export function presentResource(row: ResourceRow): Resource {
  return { id: row.id, kind: row.kind, name: row.name, features: row.features, capacity: row.capacity, parentId: row.parent_id, active: row.active };
}

export interface ClosureRow {
  id: string;
  starts_on: string;
  ends_on: string;
  resource_id: string | null;
  reason: string;
}

/** Dates as text: a `date` parsed into a JS Date would shift by the server's offset. */
export const CLOSURE_RETURNING = `id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, resource_id, reason`;

export function presentClosure(row: ClosureRow): ClosureDto {
  return { id: row.id, startsOn: row.starts_on, endsOn: row.ends_on, resourceId: row.resource_id, reason: row.reason };
}
