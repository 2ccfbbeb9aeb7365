import type { ClosureCreate, ClosureDto, ManagedSpaceDetail, OpeningHoursInput, Resource, ResourceCreate, ResourceUpdate } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../accounts/actor';
import { recordAudit } from '../../audit/audit';
import { rowsOf } from '../../db/rows';
import { DomainError, notFound } from '../../http/errors';
import type { SpaceService } from '../spaces.service';
import { loadManagedSpace, managedDetail } from './managed-space';
import { CLOSURE_RETURNING, presentClosure, presentResource, RESOURCE_RETURNING, type ClosureRow, type ResourceRow } from './management.presenter';
import { checkWeek } from './opening-hours';

const EXCLUSION_VIOLATION = '23P01';

/** Resources, weekly hours and closures of a managed space; every change audited. */
export class SpaceSetupService {
  constructor(
    private readonly db: DataSource,
    private readonly spaces: SpaceService,
  ) {}

  async addResource(actor: Actor, spaceId: string, input: ResourceCreate): Promise<Resource & { parts: Resource[] }> {
    return this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      const insert = async (kind: string, name: string, capacity: number | undefined, parentId: string | null, features: string[]) =>
        ((await m.query(
          `INSERT INTO resources (space_id, parent_id, kind, name, features, capacity, sort_order)
           VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(sort_order) + 1, 0) FROM resources WHERE space_id = $1)) RETURNING ${RESOURCE_RETURNING}`,
          // A desk seats one person, whatever the form sent.
          [spaceId, parentId, kind, name, features, kind === 'desk' ? 1 : (capacity ?? null)],
        )) as [ResourceRow])[0];
      const resource = await insert(input.kind, input.name, input.capacity, null, input.features);
      const parts: ResourceRow[] = [];
      for (const part of input.parts ?? []) parts.push(await insert('part', part.name, part.capacity, resource.id, []));
      await recordAudit(m, { actorId: actor.id, action: 'resource.added', subjectType: 'space', subjectId: spaceId, data: { resourceId: resource.id, name: input.name, parts: parts.length } });
      return { ...presentResource(resource), parts: parts.map(presentResource) };
    });
  }

  /** Rename, re-equip or take out of service; resources are never deleted, bookings point at them. */
  async updateResource(actor: Actor, spaceId: string, resourceId: string, input: ResourceUpdate): Promise<Resource> {
    return this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      const [resource] = rowsOf<ResourceRow>(await m.query(
        `UPDATE resources SET name = coalesce($3, name), features = coalesce($4, features),
                capacity = CASE WHEN $5 AND kind <> 'desk' THEN $6::int ELSE capacity END, active = coalesce($7, active)
          WHERE id = $1 AND space_id = $2 RETURNING ${RESOURCE_RETURNING}`,
        [resourceId, spaceId, input.name ?? null, input.features ?? null, input.capacity !== undefined, input.capacity ?? null, input.active ?? null],
      ));
      if (!resource) throw notFound('Resource');
      const fields = Object.keys(input);
      if (fields.length) await recordAudit(m, { actorId: actor.id, action: 'resource.updated', subjectType: 'space', subjectId: spaceId, data: { resourceId, ...input } });
      return presentResource(resource);
    });
  }

  /** Replaces the week in one go: several intervals a day, none overlapping. */
  async setOpeningHours(actor: Actor, spaceId: string, input: OpeningHoursInput): Promise<ManagedSpaceDetail> {
    const week = checkWeek(input.intervals);
    try {
      await this.db.transaction(async (m) => {
        await loadManagedSpace(m, actor, spaceId, true);
        await m.query(`DELETE FROM opening_hours WHERE space_id = $1`, [spaceId]);
        await m.query(
          `INSERT INTO opening_hours (space_id, weekday, opens, closes) SELECT $1, * FROM unnest($2::smallint[], $3::time[], $4::time[])`,
          [spaceId, week.map((i) => i.weekday), week.map((i) => i.opens), week.map((i) => i.closes)],
        );
        await recordAudit(m, { actorId: actor.id, action: 'opening_hours.set', subjectType: 'space', subjectId: spaceId, data: { intervals: week } });
      });
    } catch (error) {
      // checkWeek has refused overlaps already; should the two ever disagree, the database's
      // exclusion constraint still decides, and the caller hears the same rule, not a 500.
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION) throw new DomainError('rule_violation', 'Opening intervals of one day must not overlap');
      throw error;
    }
    return managedDetail(this.db, this.spaces, actor, spaceId);
  }

  async addClosure(actor: Actor, spaceId: string, input: ClosureCreate): Promise<ClosureDto> {
    return this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      if (input.resourceId) await this.requireResource(m, spaceId, input.resourceId);
      const [row] = (await m.query(
        `INSERT INTO closures (space_id, resource_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4, $5) RETURNING ${CLOSURE_RETURNING}`,
        [spaceId, input.resourceId ?? null, input.startsOn, input.endsOn, input.reason ?? ''],
      )) as [ClosureRow];
      const closure = presentClosure(row);
      await recordAudit(m, { actorId: actor.id, action: 'closure.added', subjectType: 'space', subjectId: spaceId, data: { ...closure } });
      return closure;
    });
  }

  async removeClosure(actor: Actor, spaceId: string, closureId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      const [deleted] = rowsOf<ClosureRow>(await m.query(`DELETE FROM closures WHERE id = $1 AND space_id = $2 RETURNING ${CLOSURE_RETURNING}`, [closureId, spaceId]));
      if (!deleted) throw notFound('Closure');
      await recordAudit(m, { actorId: actor.id, action: 'closure.removed', subjectType: 'space', subjectId: spaceId, data: { ...presentClosure(deleted) } });
    });
  }

  private async requireResource(m: EntityManager, spaceId: string, resourceId: string): Promise<void> {
    const rows = (await m.query(`SELECT 1 FROM resources WHERE id = $1 AND space_id = $2`, [resourceId, spaceId])) as unknown[];
    if (!rows.length) throw new DomainError('rule_violation', 'This resource does not belong to the space', { resourceId });
  }
}
