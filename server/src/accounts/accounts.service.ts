import type { Locale, RegisterInput } from '@landraeume/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../http/errors';
import { passwordResetMail, verificationMail } from '../notifications/account-mails';
import type { Mailer } from '../notifications/mailer';
import type { InvitationService } from '../organizations/invitations.service';
import { hashPassword, isCommonPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';
import { rowsOf } from '../db/rows';

const VERIFY_EMAIL_TTL = '48 hours';
const RESET_PASSWORD_TTL = '1 hour';

type TokenPurpose = 'verify_email' | 'reset_password';

export function assertAcceptablePassword(password: string): void {
  if (isCommonPassword(password)) {
    throw new DomainError('invalid_input', 'Invalid request body', { issues: [{ path: 'password', message: 'password.common', code: 'custom' }] });
  }
}

/** Sign-up, sign-in, e-mail verification and password reset. */
export class AccountService {
  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly publicUrl: string,
    private readonly invitations: InvitationService,
  ) {}

  async register(input: RegisterInput, requestLocale: Locale): Promise<string> {
    assertAcceptablePassword(input.password);
    const locale = input.locale ?? requestLocale;
    const passwordHash = await hashPassword(input.password);
    const userId = await this.db.transaction(async (m) => {
      const invitation = input.invitationToken ? await this.invitations.claimForRegistration(m, input.invitationToken, input.email) : undefined;
      const rows = (await m.query(
        `INSERT INTO users (email, display_name, password_hash, locale, email_verified_at)
         VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)
         ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
        [input.email, input.name, passwordHash, locale, invitation !== undefined],
      )) as { id: string }[];
      if (!rows[0]) throw new DomainError('email_taken', 'An account with this e-mail address exists already');
      // Following the invitation link proved the mailbox, so no separate verification is needed.
      if (invitation) await this.invitations.completeForNewUser(m, invitation, rows[0].id);
      return rows[0].id;
    });
    if (!input.invitationToken) await this.sendVerification(userId);
    return userId;
  }

  async sendVerification(userId: string): Promise<void> {
    const [user] = (await this.db.query(`SELECT email, display_name, locale, email_verified_at FROM users WHERE id = $1`, [userId])) as {
      email: string;
      display_name: string;
      locale: Locale;
      email_verified_at: Date | null;
    }[];
    if (!user || user.email_verified_at) return;
    const token = await this.issueToken(this.db.manager, userId, 'verify_email', VERIFY_EMAIL_TTL);
    await this.mailer.send(verificationMail(user.email, user.display_name, `${this.publicUrl}/konto/bestaetigen?token=${token}`, user.locale));
  }

  async verifyEmail(token: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const userId = await this.consumeToken(m, token, 'verify_email');
      await m.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1`, [userId]);
    });
  }

  /** The user id when the password fits; undefined otherwise, taking as long either way. */
  async authenticate(email: string, password: string): Promise<string | undefined> {
    const [user] = (await this.db.query(`SELECT id, password_hash FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL`, [email.trim()])) as {
      id: string;
      password_hash: string;
    }[];
    if (!user) return verifyAgainstDummy(password).then(() => undefined);
    return (await verifyPassword(user.password_hash, password)) ? user.id : undefined;
  }

  /** Always looks the same from outside, so it cannot be used to find out who has an account. */
  async requestPasswordReset(email: string): Promise<void> {
    const [user] = (await this.db.query(`SELECT id, email, display_name, locale FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL`, [email])) as {
      id: string;
      email: string;
      display_name: string;
      locale: Locale;
    }[];
    if (!user) return;
    const token = await this.issueToken(this.db.manager, user.id, 'reset_password', RESET_PASSWORD_TTL);
    await this.mailer.send(passwordResetMail(user.email, user.display_name, `${this.publicUrl}/passwort-zuruecksetzen?token=${token}`, user.locale));
  }

  /** A new password ends every session of the user: whoever knew the old one is out. */
  async resetPassword(token: string, password: string): Promise<void> {
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (m) => {
      const userId = await this.consumeToken(m, token, 'reset_password');
      await m.query(`UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await m.query(`UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = 'reset_password' AND used_at IS NULL`, [userId]);
      await m.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
    });
  }

  private async issueToken(m: EntityManager, userId: string, purpose: TokenPurpose, ttl: string): Promise<string> {
    const { token, hash } = newToken();
    await m.query(`INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, now() + $4::interval)`, [hash, userId, purpose, ttl]);
    return token;
  }

  private async consumeToken(m: EntityManager, token: string, purpose: TokenPurpose): Promise<string> {
    const rows = (await m.query(
      `UPDATE user_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [hashToken(token), purpose],
    )) as [{ user_id: string }[], number] | { user_id: string }[];
    const row = rowsOf(rows)[0];
    if (!row) throw new DomainError('invalid_token', 'This link is invalid, expired or was used already');
    return row.user_id;
  }
}
