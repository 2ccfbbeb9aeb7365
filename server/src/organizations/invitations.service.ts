import type { InvitationCreate, Locale, Role } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canManageMembers, canSeeOrganization } from '../accounts/policy';
import { hashToken, newToken } from '../accounts/tokens';
import { recordAudit } from '../audit/audit';
import { DomainError, notFound } from '../http/errors';
import { invitationMail } from '../notifications/account-mails';
import type { Mailer } from '../notifications/mailer';

const INVITATION_TTL = '7 days';

export interface ClaimedInvitation {
  id: string;
  organizationId: string;
  role: Role;
}

/** Invitations by e-mail with a single-use link: an existing user joins, a new one registers through it. */
export class InvitationService {
  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly publicUrl: string,
  ) {}

  async invite(actor: Actor, organizationId: string, input: InvitationCreate): Promise<{ id: string; email: string; role: Role; expiresAt: string }> {
    if (!canManageMembers(actor, organizationId)) {
      if (canSeeOrganization(actor, organizationId)) throw new DomainError('forbidden', 'Only admins of the organization can invite people');
      throw notFound('Organization');
    }
    const [member] = (await this.db.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND lower(u.email) = lower($2)`,
      [organizationId, input.email],
    )) as unknown[];
    if (member) throw new DomainError('conflict', 'This person is a member already');
    return this.sendInvitation(actor, organizationId, input.email, input.role);
  }

  /** For a new organization's first admin: a known person is appointed at once, anyone else invited. */
  async appointOrInvite(actor: Actor, organizationId: string, email: string, role: Role): Promise<void> {
    const appointed = await this.db.transaction(async (m) => {
      const rows = (await m.query(
        `INSERT INTO memberships (user_id, organization_id, role)
         SELECT id, $2, $3 FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL
         ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role RETURNING user_id`,
        [email, organizationId, role],
      )) as { user_id: string }[];
      if (rows[0]) await recordAudit(m, { actorId: actor.id, action: 'membership.appointed', subjectType: 'organization', subjectId: organizationId, data: { userId: rows[0].user_id, role } });
      return rows.length > 0;
    });
    if (!appointed) await this.sendInvitation(actor, organizationId, email, role);
  }

  async accept(actor: Actor, token: string): Promise<{ organizationId: string }> {
    return this.db.transaction(async (m) => {
      const invitation = await this.claim(m, token, actor.email);
      await m.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, organization_id) DO NOTHING`, [
        actor.id,
        invitation.organizationId,
        invitation.role,
      ]);
      await this.markAccepted(m, invitation, actor.id);
      return { organizationId: invitation.organizationId };
    });
  }

  claimForRegistration(m: EntityManager, token: string, email: string): Promise<ClaimedInvitation> {
    return this.claim(m, token, email);
  }

  async completeForNewUser(m: EntityManager, invitation: ClaimedInvitation, userId: string): Promise<void> {
    await m.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3)`, [userId, invitation.organizationId, invitation.role]);
    await this.markAccepted(m, invitation, userId);
  }

  private async claim(m: EntityManager, token: string, email: string): Promise<ClaimedInvitation & { email: string }> {
    const [row] = (await m.query(
      `SELECT id, organization_id, role, email FROM invitations
        WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now() FOR UPDATE`,
      [hashToken(token)],
    )) as { id: string; organization_id: string; role: Role; email: string }[];
    if (!row) throw new DomainError('invalid_token', 'This invitation is invalid, expired or was used already');
    if (row.email.toLowerCase() !== email.trim().toLowerCase()) {
      throw new DomainError('invitation_mismatch', 'This invitation was sent to another e-mail address');
    }
    return { id: row.id, organizationId: row.organization_id, role: row.role, email: row.email };
  }

  private async markAccepted(m: EntityManager, invitation: ClaimedInvitation, userId: string): Promise<void> {
    await m.query(`UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [invitation.id, userId]);
    await recordAudit(m, { actorId: userId, action: 'invitation.accepted', subjectType: 'organization', subjectId: invitation.organizationId, data: { role: invitation.role } });
  }

  private async sendInvitation(actor: Actor, organizationId: string, email: string, role: Role) {
    const { token, hash } = newToken();
    const { invitation, organizationName, locale } = await this.db.transaction(async (m) => {
      const [created] = (await m.query(
        `INSERT INTO invitations (token_hash, organization_id, email, role, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + $6::interval) RETURNING id, expires_at`,
        [hash, organizationId, email, role, actor.id, INVITATION_TTL],
      )) as [{ id: string; expires_at: Date }];
      await recordAudit(m, { actorId: actor.id, action: 'invitation.sent', subjectType: 'organization', subjectId: organizationId, data: { email, role } });
      const [org] = (await m.query(`SELECT name FROM organizations WHERE id = $1`, [organizationId])) as [{ name: string }];
      const [invitee] = (await m.query(`SELECT locale FROM users WHERE lower(email) = lower($1)`, [email])) as { locale: Locale }[];
      return { invitation: created, organizationName: org.name, locale: invitee?.locale ?? actor.locale };
    });
    await this.mailer.send(invitationMail(email, organizationName, actor.name, `${this.publicUrl}/einladung?token=${token}`, locale));
    return { id: invitation.id, email, role, expiresAt: invitation.expires_at.toISOString() };
  }
}
