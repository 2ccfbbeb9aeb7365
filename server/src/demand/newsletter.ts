import type { Locale } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import { hashToken, newToken } from '../accounts/tokens';
import type { Queryable } from '../db/queryable';
import { rowsOf } from '../db/rows';
import { DomainError } from '../http/errors';
import { enqueue } from '../notifications/outbox';

export const NEWSLETTER_CONFIRM_MAIL = 'newsletter.confirm_mail';
/** How long a confirmation link works; an address not confirmed by then is deleted (retention). */
export const NEWSLETTER_CONFIRM_DAYS = 7;
const TODAY = `(now() AT TIME ZONE 'Europe/Berlin')::date`;
/** A sign-up whose link no longer works: the confirmation refuses it, retention deletes it unconfirmed. */
export const NEWSLETTER_LINK_EXPIRED = `created_on <= ${TODAY} - ${NEWSLETTER_CONFIRM_DAYS}`;

/**
 * Double opt-in: an address given in the survey only counts once its owner has followed the
 * link mailed to it. An address already signed up gets no second mail, so the form cannot be
 * used to send someone mail over and over.
 */
export async function signUpForNewsletter(db: Queryable, email: string, locale: Locale): Promise<void> {
  const { token, hash } = newToken();
  const [row] = (await db.query(`INSERT INTO newsletter_signups (email, locale, token_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`, [email, locale, hash])) as { id: string }[];
  if (row) await enqueue(db, { kind: NEWSLETTER_CONFIRM_MAIL, key: `${NEWSLETTER_CONFIRM_MAIL}:${row.id}`, payload: { signupId: row.id, token } });
}

export class NewsletterService {
  constructor(private readonly db: DataSource) {}

  /** Following the link again (a second click, a mail scanner first) confirms nothing new and is no error. */
  async confirm(token: string): Promise<{ confirmed: true }> {
    const confirmed = rowsOf(
      await this.db.query(
        `UPDATE newsletter_signups SET confirmed_on = coalesce(confirmed_on, ${TODAY})
          WHERE token_hash = $1 AND (confirmed_on IS NOT NULL OR NOT (${NEWSLETTER_LINK_EXPIRED})) RETURNING 1`,
        [hashToken(token)],
      ),
    );
    if (!confirmed.length) throw new DomainError('invalid_token', 'This link is invalid or expired');
    return { confirmed: true };
  }
}
