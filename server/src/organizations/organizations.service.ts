import type { Member, Organization, OrganizationCreate, OrganizationUpdate, Role } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canCreateOrganization, canListAllOrganizations, canManageMembers, canRemoveMember, canSeeOrganization } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { rowsOf } from '../db/rows';
import { uniqueSlug } from '../db/slug';
import { DomainError, notFound } from '../http/errors';
import type { InvitationService } from './invitations.service';
import { presentMember, presentOrganization, type MemberRow, type OrganizationRow } from './organizations.presenter';

const ORG_COLUMNS = 'id, kind, name, slug, street, postcode, town, municipality, email, website, status';

/** API field → column; all of them happen to share their name. */
const UPDATABLE = ['name', 'street', 'postcode', 'town', 'municipality', 'email', 'website'] as const;

export class OrganizationService {
  constructor(
    private readonly db: DataSource,
    private readonly invitations: InvitationService,
  ) {}

  /** Platform admins found organizations and name the first admin (invited if they have no account yet). */
  async create(actor: Actor, input: OrganizationCreate): Promise<Organization> {
    if (!canCreateOrganization(actor)) throw new DomainError('forbidden', 'Only the platform team creates organizations');
    const slug = input.slug ?? uniqueSlug(input.name, 'organisation');
    const org = await this.db.transaction(async (m) => {
      const rows = (await m.query(
        `INSERT INTO organizations (kind, name, slug, street, postcode, town, municipality, email, website)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (slug) DO NOTHING RETURNING ${ORG_COLUMNS}`,
        [input.kind, input.name, slug, input.street ?? null, input.postcode ?? null, input.town ?? null, input.municipality ?? null, input.email ?? null, input.website ?? null],
      )) as OrganizationRow[];
      const created = rows[0];
      if (!created) throw new DomainError('conflict', 'An organization with this slug exists already', { field: 'slug' });
      await recordAudit(m, { actorId: actor.id, action: 'organization.created', subjectType: 'organization', subjectId: created.id, data: { kind: input.kind, name: input.name } });
      return created;
    });
    await this.invitations.appointOrInvite(actor, org.id, input.firstAdminEmail, 'admin');
    return presentOrganization(org);
  }

  async list(actor: Actor): Promise<Organization[]> {
    const rows = canListAllOrganizations(actor)
      ? await this.db.query(`SELECT ${ORG_COLUMNS} FROM organizations ORDER BY kind, name`)
      : await this.db.query(`SELECT ${ORG_COLUMNS} FROM organizations WHERE id IN (SELECT organization_id FROM memberships WHERE user_id = $1) ORDER BY kind, name`, [actor.id]);
    return (rows as OrganizationRow[]).map(presentOrganization);
  }

  async get(actor: Actor, organizationId: string): Promise<Organization> {
    if (!canSeeOrganization(actor, organizationId)) throw notFound('Organization');
    const [row] = (await this.db.query(`SELECT ${ORG_COLUMNS} FROM organizations WHERE id = $1`, [organizationId])) as OrganizationRow[];
    if (!row) throw notFound('Organization');
    return presentOrganization(row);
  }

  /**
   * Platform admins correct an organization's details. Suspension is not a detail: it tells the
   * bookers of its spaces, so it has its own endpoints (admission/).
   */
  async update(actor: Actor, organizationId: string, input: OrganizationUpdate): Promise<Organization> {
    if (!canCreateOrganization(actor)) {
      if (canSeeOrganization(actor, organizationId)) throw new DomainError('forbidden', 'Only the platform team changes organizations');
      throw notFound('Organization');
    }
    const changes = UPDATABLE.filter((field) => input[field] !== undefined);
    const row = await this.db.transaction(async (m) => {
      const [current] = (await m.query(`SELECT ${ORG_COLUMNS} FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId])) as OrganizationRow[];
      if (!current) throw notFound('Organization');
      if (!changes.length) return current;
      const [updated] = rowsOf<OrganizationRow>(await m.query(
        `UPDATE organizations SET ${changes.map((field, i) => `${field} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${ORG_COLUMNS}`,
        [organizationId, ...changes.map((field) => input[field])],
      ));
      await recordAudit(m, { actorId: actor.id, action: 'organization.updated', subjectType: 'organization', subjectId: organizationId, data: { fields: changes } });
      return updated!;
    });
    return presentOrganization(row);
  }

  async members(actor: Actor, organizationId: string): Promise<Member[]> {
    this.assertCanManage(actor, organizationId);
    const rows = (await this.db.query(
      `SELECT m.user_id, u.display_name, u.email, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 ORDER BY u.display_name`,
      [organizationId],
    )) as MemberRow[];
    return rows.map(presentMember);
  }

  async changeRole(actor: Actor, organizationId: string, userId: string, role: Role): Promise<void> {
    this.assertCanManage(actor, organizationId);
    await this.db.transaction(async (m) => {
      const current = await this.lockMembership(m, organizationId, userId);
      if (current === role) return;
      if (current === 'admin') await this.assertAnotherAdmin(m, organizationId, userId);
      await m.query(`UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId, role]);
      await recordAudit(m, { actorId: actor.id, action: 'membership.role_changed', subjectType: 'organization', subjectId: organizationId, data: { userId, from: current, to: role } });
    });
  }

  async removeMember(actor: Actor, organizationId: string, userId: string): Promise<void> {
    if (!canRemoveMember(actor, organizationId, userId)) {
      if (!canSeeOrganization(actor, organizationId)) throw notFound('Organization');
      throw new DomainError('forbidden', 'Only admins of the organization can remove members');
    }
    await this.db.transaction(async (m) => {
      const current = await this.lockMembership(m, organizationId, userId);
      if (current === 'admin') await this.assertAnotherAdmin(m, organizationId, userId);
      await m.query(`DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId]);
      await recordAudit(m, { actorId: actor.id, action: actor.id === userId ? 'membership.left' : 'membership.removed', subjectType: 'organization', subjectId: organizationId, data: { userId } });
    });
  }

  private assertCanManage(actor: Actor, organizationId: string): void {
    if (canManageMembers(actor, organizationId)) return;
    if (canSeeOrganization(actor, organizationId)) throw new DomainError('forbidden', 'Only admins of the organization can manage its members');
    throw notFound('Organization');
  }

  /** Locks the organization's memberships so two admins cannot demote each other at the same moment. */
  private async lockMembership(m: EntityManager, organizationId: string, userId: string): Promise<Role> {
    const rows = (await m.query(`SELECT user_id, role FROM memberships WHERE organization_id = $1 FOR UPDATE`, [organizationId])) as { user_id: string; role: Role }[];
    const membership = rows.find((r) => r.user_id === userId);
    if (!membership) throw notFound('Member');
    return membership.role;
  }

  private async assertAnotherAdmin(m: EntityManager, organizationId: string, userId: string): Promise<void> {
    const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND role = 'admin' AND user_id <> $2`, [organizationId, userId])) as [{ n: number }];
    if (n === 0) throw new DomainError('last_admin', 'An organization needs at least one admin: appoint another admin first');
  }
}
