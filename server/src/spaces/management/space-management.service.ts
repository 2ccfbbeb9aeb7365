import { randomBytes } from 'node:crypto';
import { MUNICIPALITIES, type SpaceCreate, type SpaceDetail, type SpaceSummary, type SpaceUpdate } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../accounts/actor';
import { canManageSpacesOf } from '../../accounts/policy';
import { recordAudit } from '../../audit/audit';
import { DomainError, notFound } from '../../http/errors';
import { presentSpaceSummary, type SpaceSummaryRow } from '../spaces.presenter';
import type { SpaceService } from '../spaces.service';
import { loadManagedSpace } from './managed-space';
import { columnsOf } from './space-columns';

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'raum';

/** Creating, editing and publishing spaces, for the owning organization's people and the platform team. */
export class SpaceManagementService {
  constructor(
    private readonly db: DataSource,
    private readonly spaces: SpaceService,
  ) {}

  async listOfOrganization(actor: Actor, organizationId: string): Promise<(SpaceSummary & { published: boolean })[]> {
    const [org] = (await this.db.query(`SELECT id, kind FROM organizations WHERE id = $1`, [organizationId])) as { id: string; kind: string }[];
    if (!org || !canManageSpacesOf(actor, org)) throw notFound('Organization');
    const rows = (await this.db.query(
      `SELECT s.*, o.name AS provider_name, NULL::double precision AS distance_km, NULL::int AS free_units,
              (SELECT count(*)::int FROM resources r WHERE r.space_id = s.id AND r.kind = 'desk' AND r.active) AS desk_count
         FROM spaces s JOIN organizations o ON o.id = s.organization_id WHERE s.organization_id = $1 ORDER BY s.name, s.id`,
      [organizationId],
    )) as (SpaceSummaryRow & { published: boolean })[];
    return rows.map((row) => ({ ...presentSpaceSummary(row), published: row.published }));
  }

  async create(actor: Actor, input: SpaceCreate): Promise<SpaceDetail> {
    const [org] = (await this.db.query(`SELECT id, kind, status FROM organizations WHERE id = $1`, [input.organizationId])) as { id: string; kind: string; status: string }[];
    if (!org || !canManageSpacesOf(actor, org)) throw notFound('Organization');
    if (org.kind !== 'municipality' && org.kind !== 'provider') throw new DomainError('rule_violation', 'Only municipalities and providers offer spaces');
    if (org.status !== 'active') throw new DomainError('rule_violation', 'This organization is suspended and cannot add spaces');
    this.checkDurations(input.minDurationMinutes ?? 60, input.maxDurationMinutes ?? 720);
    const centre = MUNICIPALITIES.find((m) => m.name === input.municipality)!;
    const { organizationId, ...fields } = input;
    const columns = columnsOf({ ...fields, lat: input.lat ?? centre.lat, lon: input.lon ?? centre.lon });
    const id = await this.db.transaction(async (m) => {
      const slug = `${slugify(input.name)}-${randomBytes(3).toString('hex')}`;
      const all: [string, unknown][] = [['organization_id', organizationId], ['slug', slug], ...columns];
      const [row] = (await m.query(
        `INSERT INTO spaces (${all.map(([c]) => c).join(', ')}) VALUES (${all.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        all.map(([, v]) => v),
      )) as [{ id: string }];
      await recordAudit(m, { actorId: actor.id, action: 'space.created', subjectType: 'space', subjectId: row.id, data: { organizationId, name: input.name } });
      return row.id;
    });
    return this.spaces.detail(actor, id);
  }

  async update(actor: Actor, spaceId: string, input: SpaceUpdate): Promise<SpaceDetail> {
    await this.db.transaction(async (m) => {
      const space = await loadManagedSpace(m, actor, spaceId, true);
      this.checkDurations(input.minDurationMinutes ?? space.minDurationMinutes, input.maxDurationMinutes ?? space.maxDurationMinutes);
      const columns = columnsOf(input);
      if (!columns.length) return;
      await m.query(`UPDATE spaces SET ${columns.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [spaceId, ...columns.map(([, v]) => v)]);
      await recordAudit(m, { actorId: actor.id, action: 'space.updated', subjectType: 'space', subjectId: spaceId, data: { fields: Object.keys(input) } });
    });
    return this.spaces.detail(actor, spaceId);
  }

  /** Publishing needs something to book and hours to book it in. */
  async setPublished(actor: Actor, spaceId: string, published: boolean): Promise<SpaceDetail> {
    await this.db.transaction(async (m) => {
      await loadManagedSpace(m, actor, spaceId, true);
      if (published) {
        const [{ resources, hours, status }] = (await m.query(
          `SELECT (SELECT count(*)::int FROM resources WHERE space_id = $1 AND active) AS resources, (SELECT count(*)::int FROM opening_hours WHERE space_id = $1) AS hours,
                  (SELECT o.status FROM spaces s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1) AS status`,
          [spaceId],
        )) as [{ resources: number; hours: number; status: string }];
        const missing = [...(resources ? [] : ['resources']), ...(hours ? [] : ['openingHours']), ...(status === 'active' ? [] : ['activeOrganization'])];
        if (missing.length) throw new DomainError('rule_violation', 'The space needs active resources and opening hours before it can be published', { missing });
      }
      await m.query(`UPDATE spaces SET published = $2, updated_at = now() WHERE id = $1`, [spaceId, published]);
      await recordAudit(m, { actorId: actor.id, action: published ? 'space.published' : 'space.unpublished', subjectType: 'space', subjectId: spaceId });
    });
    return this.spaces.detail(actor, spaceId);
  }

  private checkDurations(min: number, max: number): void {
    if (min > max) throw new DomainError('rule_violation', 'The minimum duration must not exceed the maximum', { minDurationMinutes: min, maxDurationMinutes: max });
  }
}
