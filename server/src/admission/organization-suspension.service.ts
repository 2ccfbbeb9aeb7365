import type { OrganizationStatus } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canSeeOrganization, canSuspendOrganization } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { DomainError, notFound } from '../http/errors';
import { administeredTowns } from './deciders';

interface OrganizationRow {
  id: string;
  kind: string;
  municipality: string | null;
  status: 'active' | 'suspended';
  admission: 'pending' | 'admitted' | 'declined';
}

/**
 * Suspending an admitted provider takes its spaces out of search and public view (both read
 * `organizations.status`) while its bookings stay; the booker of every upcoming booking is told
 * once per suspension (the job key carries the suspension's moment).
 */
export class OrganizationSuspensionService {
  constructor(private readonly db: DataSource) {}

  async suspend(actor: Actor, organizationId: string, reason: string): Promise<OrganizationStatus> {
    return this.db.transaction(async (m) => {
      const org = await this.lockForDecision(m, actor, organizationId);
      if (org.admission !== 'admitted') throw new DomainError('provider_not_admitted', 'Only an admitted provider can be suspended', { admission: org.admission });
      if (org.status === 'suspended') throw new DomainError('invalid_transition', 'This organization is suspended already');
      await m.query(`UPDATE organizations SET status = 'suspended', suspension_reason = $2, suspended_at = now(), updated_at = now() WHERE id = $1`, [organizationId, reason]);
      // now() is the transaction's start, the same moment as suspended_at: the key names this suspension.
      const notified = (await m.query(
        `INSERT INTO outbox_jobs (kind, key, payload)
         SELECT 'provider.suspended_mail', 'provider.suspended_mail:' || b.id || ':' || extract(epoch FROM now())::text, jsonb_build_object('bookingId', b.id, 'organizationId', $1::uuid)
           FROM bookings b JOIN spaces s ON s.id = b.space_id
          WHERE s.organization_id = $1 AND b.status IN ('pending', 'confirmed') AND upper(b.period) > now() AND b.booker_id IS NOT NULL
         ON CONFLICT (key) DO NOTHING RETURNING id`,
        [organizationId],
      )) as unknown[];
      await recordAudit(m, { actorId: actor.id, action: 'organization.suspended', subjectType: 'organization', subjectId: organizationId, data: { reason, bookersNotified: notified.length } });
      return { id: organizationId, status: 'suspended', suspensionReason: reason, affectedBookings: notified.length };
    });
  }

  async reinstate(actor: Actor, organizationId: string): Promise<OrganizationStatus> {
    return this.db.transaction(async (m) => {
      const org = await this.lockForDecision(m, actor, organizationId);
      if (org.status !== 'suspended') throw new DomainError('invalid_transition', 'This organization is not suspended');
      await m.query(`UPDATE organizations SET status = 'active', suspension_reason = NULL, suspended_at = NULL, updated_at = now() WHERE id = $1`, [organizationId]);
      await recordAudit(m, { actorId: actor.id, action: 'organization.reinstated', subjectType: 'organization', subjectId: organizationId });
      return { id: organizationId, status: 'active', suspensionReason: null, affectedBookings: 0 };
    });
  }

  /** Its own members learn that they may not decide (403); anyone else that it does not exist for them (404). */
  private async lockForDecision(m: EntityManager, actor: Actor, organizationId: string): Promise<OrganizationRow> {
    const [org] = (await m.query(`SELECT id, kind, municipality, status, admission FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId])) as OrganizationRow[];
    if (!org) throw notFound('Organization');
    if (!canSuspendOrganization(actor, org, await administeredTowns(m, actor.id))) {
      if (canSeeOrganization(actor, organizationId)) throw new DomainError('forbidden', 'Only the municipality of its town or the platform team may suspend an organization');
      throw notFound('Organization');
    }
    return org;
  }
}
