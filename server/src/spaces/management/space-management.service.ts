import { MUNICIPALITIES, type ManagedSpaceSummary, type SpaceCreate, type ManagedSpaceDetail, type SpaceUpdate } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../accounts/actor';
import { canManageSpacesOf } from '../../accounts/policy';
import { recordAudit } from '../../audit/audit';
import { DomainError, notFound } from '../../http/errors';
import type { SpaceService } from '../spaces.service';
import { loadManagedSpace, managedDetail } from './managed-space';
import { presentManagedSpace, type ManagedSpaceRow } from './management.presenter';
import { columnsOf } from './space-columns';
import { carryOverAccess } from '../../access/code-issuing';
import { checkLockSetup } from '../../access/lock-setup';
import { uniqueSlug } from '../../db/slug';

/** Same-named rooms are common (every town has a "Bürgerhaus"): a random suffix keeps slugs apart. */
const SLUG_ATTEMPTS = 3;

/** Creating, editing and publishing spaces, for the owning organization's people and the platform team. */
export class SpaceManagementService {
  constructor(
    private readonly db: DataSource,
    private readonly spaces: SpaceService,
  ) {}

  async listOfOrganization(actor: Actor, organizationId: string): Promise<ManagedSpaceSummary[]> {
    const [org] = (await this.db.query(`SELECT id, kind FROM organizations WHERE id = $1`, [organizationId])) as { id: string; kind: string }[];
    if (!org || !canManageSpacesOf(actor, org)) throw notFound('Organization');
    const rows = (await this.db.query(
      `SELECT s.*, o.name AS provider_name, NULL::double precision AS distance_km, NULL::int AS free_units,
              count(r.id) FILTER (WHERE r.kind = 'desk' AND r.active)::int AS desk_count,
              count(r.id) FILTER (WHERE r.parent_id IS NULL)::int AS resource_count,
              count(r.id) FILTER (WHERE r.parent_id IS NULL AND r.active)::int AS active_resource_count
         FROM spaces s JOIN organizations o ON o.id = s.organization_id LEFT JOIN resources r ON r.space_id = s.id
        WHERE s.organization_id = $1 GROUP BY s.id, o.name ORDER BY s.name, s.id`,
      [organizationId],
    )) as ManagedSpaceRow[];
    return rows.map(presentManagedSpace);
  }

  async managed(actor: Actor, spaceId: string): Promise<ManagedSpaceDetail> {
    await loadManagedSpace(this.db, actor, spaceId);
    return managedDetail(this.db, this.spaces, actor, spaceId);
  }

  async create(actor: Actor, input: SpaceCreate): Promise<ManagedSpaceDetail> {
    const [org] = (await this.db.query(`SELECT id, kind, status FROM organizations WHERE id = $1`, [input.organizationId])) as { id: string; kind: string; status: string }[];
    if (!org || !canManageSpacesOf(actor, org)) throw notFound('Organization');
    if (org.kind !== 'municipality' && org.kind !== 'provider') throw new DomainError('rule_violation', 'Only municipalities and providers offer spaces');
    if (org.status !== 'active') throw new DomainError('rule_violation', 'This organization is suspended and cannot add spaces');
    this.checkDurations(input.minDurationMinutes ?? 60, input.maxDurationMinutes ?? 720);
    const centre = MUNICIPALITIES.find((m) => m.name === input.municipality)!;
    const { organizationId, ...fields } = input;
    const columns = columnsOf({ ...fields, lat: input.lat ?? centre.lat, lon: input.lon ?? centre.lon });
    const id = await this.db.transaction(async (m) => {
      for (let attempt = 1; ; attempt++) {
        const all: [string, unknown][] = [['organization_id', organizationId], ['slug', uniqueSlug(input.name, 'raum')], ...columns];
        const [row] = (await m.query(
          `INSERT INTO spaces (${all.map(([c]) => c).join(', ')}) VALUES (${all.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (slug) DO NOTHING RETURNING id`,
          all.map(([, v]) => v),
        )) as { id: string }[];
        if (row) {
          await checkLockSetup(m, row.id);
          await recordAudit(m, { actorId: actor.id, action: 'space.created', subjectType: 'space', subjectId: row.id, data: { organizationId, name: input.name } });
          return row.id;
        }
        if (attempt === SLUG_ATTEMPTS) throw new DomainError('conflict', 'Could not find a free address for this space, please try again');
      }
    });
    return managedDetail(this.db, this.spaces, actor, id);
  }

  async update(actor: Actor, spaceId: string, input: SpaceUpdate): Promise<ManagedSpaceDetail> {
    await this.db.transaction(async (m) => {
      const space = await loadManagedSpace(m, actor, spaceId, true);
      this.checkDurations(input.minDurationMinutes ?? space.minDurationMinutes, input.maxDurationMinutes ?? space.maxDurationMinutes);
      const columns = columnsOf(input);
      if (!columns.length) return;
      await m.query(`UPDATE spaces SET ${columns.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [spaceId, ...columns.map(([, v]) => v)]);
      await checkLockSetup(m, spaceId);
      const after = { accessMode: input.accessMode ?? space.accessMode, lockAdapter: input.lockAdapter === undefined ? space.lockAdapter : input.lockAdapter };
      await carryOverAccess(m, spaceId, space, after);
      // Field names only: the lock secret's value must not end up in the audit log.
      await recordAudit(m, { actorId: actor.id, action: 'space.updated', subjectType: 'space', subjectId: spaceId, data: { fields: Object.keys(input) } });
    });
    return managedDetail(this.db, this.spaces, actor, spaceId);
  }

  /** Publishing needs an admitted provider, something to book and hours to book it in. */
  async setPublished(actor: Actor, spaceId: string, published: boolean): Promise<ManagedSpaceDetail> {
    await this.db.transaction(async (m) => {
      const space = await loadManagedSpace(m, actor, spaceId, true);
      if (published) await this.checkPublishable(m, spaceId);
      // A repeated click changes nothing, so the log gets no second entry.
      if (space.published === published) return;
      await m.query(`UPDATE spaces SET published = $2, updated_at = now() WHERE id = $1`, [spaceId, published]);
      await recordAudit(m, { actorId: actor.id, action: published ? 'space.published' : 'space.unpublished', subjectType: 'space', subjectId: spaceId });
    });
    return managedDetail(this.db, this.spaces, actor, spaceId);
  }

  private async checkPublishable(m: EntityManager, spaceId: string): Promise<void> {
    const [{ resources, hours, status, admission }] = (await m.query(
      `SELECT (SELECT count(*)::int FROM resources WHERE space_id = s.id AND parent_id IS NULL AND active) AS resources,
              (SELECT count(*)::int FROM opening_hours WHERE space_id = s.id) AS hours, o.status, o.admission
         FROM spaces s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1`,
      [spaceId],
    )) as [{ resources: number; hours: number; status: string; admission: string }];
    if (admission !== 'admitted') throw new DomainError('provider_not_admitted', 'The municipality has not admitted this provider yet; its spaces can be published once it has', { admission });
    const missing = [...(resources ? [] : ['resources']), ...(hours ? [] : ['openingHours']), ...(status === 'active' ? [] : ['activeOrganization'])];
    if (missing.length) throw new DomainError('rule_violation', 'Before it can be published, the space needs a desk or room in service, opening hours and an active organization', { missing });
  }

  private checkDurations(min: number, max: number): void {
    if (min > max) throw new DomainError('rule_violation', 'The minimum duration must not exceed the maximum', { minDurationMinutes: min, maxDurationMinutes: max });
  }
}
