import type { ApplicationStatus, ProviderApplication, ProviderApplicationCreate } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canDecideAdmissionIn, isPlatformAdmin } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { DomainError, notFound } from '../http/errors';
import { enqueue } from '../notifications/outbox';
import { APPLICATION_SELECT, presentApplication, type ApplicationRow } from './admission.presenter';
import { administeredTowns } from './deciders';
import { uniqueSlug } from '../db/slug';

/**
 * A club, parish or company applies to offer rooms. The application founds its organization at
 * once (a provider, not yet admitted) with the applicant as its admin, so they can prepare their
 * spaces while the municipality of their town decides; publishing waits for the admission.
 */
export class ProviderApplicationService {
  constructor(private readonly db: DataSource) {}

  async apply(actor: Actor, input: ProviderApplicationCreate): Promise<ProviderApplication> {
    const org = input.organization;
    const id = await this.db.transaction(async (m) => {
      const [created] = (await m.query(
        `INSERT INTO organizations (kind, name, slug, street, postcode, town, municipality, email, website, admission)
         VALUES ('provider', $1, $2, $3, $4, $5, $5, $6, $7, 'pending') RETURNING id`,
        [org.name, uniqueSlug(org.name, 'anbieter'), org.street ?? null, org.postcode ?? null, org.municipality, org.email ?? null, org.website ?? null],
      )) as [{ id: string }];
      await m.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'admin')`, [actor.id, created.id]);
      const [application] = (await m.query(
        `INSERT INTO provider_applications (organization_id, applicant_id, applicant_type, municipality, rooms, contact_name, contact_email, contact_phone, message)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) RETURNING id`,
        [created.id, actor.id, input.applicantType, org.municipality, JSON.stringify(input.rooms), input.contact.name, input.contact.email, input.contact.phone, input.message ?? ''],
      )) as [{ id: string }];
      await recordAudit(m, { actorId: actor.id, action: 'provider_application.submitted', subjectType: 'organization', subjectId: created.id, data: { applicationId: application.id, municipality: org.municipality } });
      await enqueue(m, { kind: 'admission.application_mail', key: `admission.application_mail:${application.id}`, payload: { applicationId: application.id } });
      return application.id;
    });
    return this.get(actor, id);
  }

  /** The deciders' inbox (their towns, or all for the platform team) together with one's own applications. */
  async list(actor: Actor, status: ApplicationStatus | undefined): Promise<ProviderApplication[]> {
    const towns = await administeredTowns(this.db, actor.id);
    const rows = (await this.db.query(
      `${APPLICATION_SELECT}
        WHERE (a.applicant_id = $1 OR a.municipality = ANY($2::text[]) OR $3) AND ($4::text IS NULL OR a.status = $4)
        ORDER BY a.status = 'pending' DESC, a.created_at DESC, a.id LIMIT 500`,
      [actor.id, towns, isPlatformAdmin(actor), status ?? null],
    )) as ApplicationRow[];
    return rows.map(presentApplication);
  }

  async get(actor: Actor, id: string): Promise<ProviderApplication> {
    const [row] = (await this.db.query(`${APPLICATION_SELECT} WHERE a.id = $1`, [id])) as ApplicationRow[];
    if (!row) throw notFound('Application');
    if (row.applicant_id !== actor.id && !canDecideAdmissionIn(actor, row.municipality, await administeredTowns(this.db, actor.id))) throw notFound('Application');
    return presentApplication(row);
  }

  admit(actor: Actor, id: string): Promise<ProviderApplication> {
    return this.decide(actor, id, 'admitted', null);
  }

  decline(actor: Actor, id: string, reason: string): Promise<ProviderApplication> {
    return this.decide(actor, id, 'declined', reason);
  }

  private async decide(actor: Actor, id: string, to: 'admitted' | 'declined', reason: string | null): Promise<ProviderApplication> {
    await this.db.transaction(async (m) => {
      const row = await this.lockForDecision(m, actor, id);
      if (row.status !== 'pending') throw new DomainError('invalid_transition', 'This application was decided already', { status: row.status });
      await m.query(`UPDATE provider_applications SET status = $2, decision_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`, [id, to, reason, actor.id]);
      await m.query(`UPDATE organizations SET admission = $2, updated_at = now() WHERE id = $1`, [row.organization_id, to]);
      await recordAudit(m, {
        actorId: actor.id,
        action: to === 'admitted' ? 'provider.admitted' : 'provider.declined',
        subjectType: 'organization',
        subjectId: row.organization_id,
        data: { applicationId: id, ...(reason ? { reason } : {}) },
      });
      await enqueue(m, { kind: 'admission.decision_mail', key: `admission.decision_mail:${id}`, payload: { applicationId: id } });
    });
    return this.get(actor, id);
  }

  /** The applicant may see their application but not decide it: 403 for them, 404 for anyone else. */
  private async lockForDecision(m: EntityManager, actor: Actor, id: string): Promise<{ status: ApplicationStatus; organization_id: string }> {
    const [row] = (await m.query(`SELECT status, organization_id, municipality, applicant_id FROM provider_applications WHERE id = $1 FOR UPDATE`, [id])) as {
      status: ApplicationStatus;
      organization_id: string;
      municipality: string;
      applicant_id: string | null;
    }[];
    if (!row) throw notFound('Application');
    if (!canDecideAdmissionIn(actor, row.municipality, await administeredTowns(m, actor.id))) {
      if (row.applicant_id === actor.id) throw new DomainError('forbidden', 'The municipality of your town decides on your application');
      throw notFound('Application');
    }
    return row;
  }
}
