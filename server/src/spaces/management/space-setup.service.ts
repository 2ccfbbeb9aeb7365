import type { ClosureCreate, ClosureDto, OpeningHoursInput, Resource, ResourceCreate, ResourceUpdate, SpaceDetail } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../accounts/actor';
import { recordAudit } from '../../audit/audit';
import { rowsOf } from '../../db/rows';
import { DomainError, notFound } from '../../http/errors';
import type { SpaceService } from '../spaces.service';
import { loadManagedSpace } from './managed-space';

const RESOURCE_COLUMNS = `id, kind, name, features, capacity, parent_id AS "parentId", active`;
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

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
           VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(sort_order) + 1, 0) FROM resources WHERE space_id = $1)) RETURNING ${RESOURCE_COLUMNS}`,
          [spaceId, parentId, kind, name, features, kind === 'desk' ? 1 : (capacity ?? null)],
        )) as [Resource])[0];
      const resource = await insert(input.kind, input.name, input.capacity, null, input.features);
      const parts: Resource[] = [];
      for (const part of input.parts ?? []) parts.push(await insert('part', part.name, part.capacity, resource.id, []));
      await recordAudit(m, { actorId: actor.id, action: 'resource.added', subjectType: 'space', subjectId: spaceId, data: { resourceId: resource.id, name: input.name, parts: parts.length } });
      return { ...resource, parts };
    });
  }

  /** Rename, re-equip or take out of service; resources are never deleted, bookings point at them. */
  async updateResource(actor: Actor, spaceId: string, resourceId: string, input: ResourceUpdate): Promise<Resource> {
    return this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      const [resource] = rowsOf<Resource>(await m.query(
        `UPDATE resources SET name = coalesce($3, name), features = coalesce($4, features),
                capacity = CASE WHEN $5 THEN $6::int ELSE capacity END, active = coalesce($7, active)
          WHERE id = $1 AND space_id = $2 RETURNING ${RESOURCE_COLUMNS}`,
        [resourceId, spaceId, input.name ?? null, input.features ?? null, input.capacity !== undefined, input.capacity ?? null, input.active ?? null],
      ));
      if (!resource) throw notFound('Resource');
      await recordAudit(m, { actorId: actor.id, action: 'resource.updated', subjectType: 'space', subjectId: spaceId, data: { resourceId, fields: Object.keys(input) } });
      return resource;
    });
  }

  /** Replaces the week in one go: several intervals a day, none overlapping. */
  async setOpeningHours(actor: Actor, spaceId: string, input: OpeningHoursInput): Promise<SpaceDetail> {
    const sorted = [...input.intervals].sort((a, b) => a.weekday - b.weekday || minutes(a.opens) - minutes(b.opens));
    for (const [i, interval] of sorted.entries()) {
      if (minutes(interval.closes) <= minutes(interval.opens)) {
        throw new DomainError('rule_violation', 'An interval must close after it opens (use two intervals across midnight)', { interval });
      }
      const previous = sorted[i - 1];
      if (previous && previous.weekday === interval.weekday && minutes(interval.opens) < minutes(previous.closes)) {
        throw new DomainError('rule_violation', 'Opening intervals of one day must not overlap', { intervals: [previous, interval] });
      }
    }
    await this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      await m.query(`DELETE FROM opening_hours WHERE space_id = $1`, [spaceId]);
      for (const interval of sorted) {
        await m.query(`INSERT INTO opening_hours (space_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)`, [spaceId, interval.weekday, interval.opens, interval.closes]);
      }
      await recordAudit(m, { actorId: actor.id, action: 'opening_hours.set', subjectType: 'space', subjectId: spaceId, data: { intervals: sorted } });
    });
    return this.spaces.detail(actor, spaceId);
  }

  async addClosure(actor: Actor, spaceId: string, input: ClosureCreate): Promise<ClosureDto> {
    return this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      if (input.resourceId) await this.requireResource(m, spaceId, input.resourceId);
      const [row] = (await m.query(
        `INSERT INTO closures (space_id, resource_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", resource_id AS "resourceId", reason`,
        [spaceId, input.resourceId ?? null, input.startsOn, input.endsOn, input.reason ?? ''],
      )) as [ClosureDto];
      await recordAudit(m, { actorId: actor.id, action: 'closure.added', subjectType: 'space', subjectId: spaceId, data: { ...row } });
      return row;
    });
  }

  async removeClosure(actor: Actor, spaceId: string, closureId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      const deleted = rowsOf<{ id: string }>(await m.query(`DELETE FROM closures WHERE id = $1 AND space_id = $2 RETURNING id`, [closureId, spaceId]));
      if (!deleted.length) throw notFound('Closure');
      await recordAudit(m, { actorId: actor.id, action: 'closure.removed', subjectType: 'space', subjectId: spaceId, data: { closureId } });
    });
  }

  private async requireResource(m: EntityManager, spaceId: string, resourceId: string): Promise<void> {
    const rows = (await m.query(`SELECT 1 FROM resources WHERE id = $1 AND space_id = $2`, [resourceId, spaceId])) as unknown[];
    if (!rows.length) throw new DomainError('rule_violation', 'This resource does not belong to the space', { resourceId });
  }
}
