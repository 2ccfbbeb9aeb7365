import type { Locale } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import { NEWSLETTER_CONFIRM_DAYS, NEWSLETTER_CONFIRM_MAIL } from '../demand/newsletter';
import { compose, FOOTER } from './compose';
import type { Mailer } from './mailer';
import type { JobHandler } from './outbox';

const TEXT: Record<Locale, { subject: string; body: string[]; link: string }> = {
  de: {
    subject: 'Bitte bestätigen Sie Ihre Anmeldung zum Landräume-Newsletter',
    body: [
      'Guten Tag,',
      'Sie haben diese Adresse bei der Pendel-Umfrage von Landräume für unseren Newsletter angegeben. Erst wenn Sie das bestätigen, schicken wir Ihnen Neuigkeiten.',
      `Der Link gilt ${NEWSLETTER_CONFIRM_DAYS} Tage. Wenn Sie sich nicht angemeldet haben, tun Sie nichts: Dann löschen wir die Adresse.`,
    ],
    link: 'Anmeldung bestätigen',
  },
  en: {
    subject: 'Please confirm your subscription to the Landräume newsletter',
    body: [
      'Hello,',
      'You gave this address for our newsletter in the Landräume commuter survey. We only send you news once you confirm it.',
      `The link works for ${NEWSLETTER_CONFIRM_DAYS} days. If you did not sign up, do nothing and we will delete the address.`,
    ],
    link: 'Confirm the subscription',
  },
};

/** The double opt-in mail; an address confirmed or deleted meanwhile gets nothing. */
export function newsletterMailHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string }): Record<string, JobHandler> {
  return {
    async [NEWSLETTER_CONFIRM_MAIL](job) {
      const { signupId, token } = job.payload as { signupId: string; token: string };
      const [row] = (await deps.db.query(`SELECT email, locale FROM newsletter_signups WHERE id = $1 AND confirmed_on IS NULL`, [signupId])) as { email: string; locale: Locale }[];
      if (!row) return;
      const text = TEXT[row.locale];
      await deps.mailer.send(compose(row.email, text.subject, text.body, { url: `${deps.publicUrl}/newsletter/bestaetigen?token=${token}`, label: text.link }, FOOTER[row.locale]));
    },
  };
}
