import type { Locale } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import { loadMailRow, when } from './booking-mails';
import { compose, FOOTER } from './compose';
import type { Mailer } from './mailer';
import { addressOf, greeting, myBookingsLink, type Recipient } from './mail-parts';
import type { JobHandler } from './outbox';

interface DecisionRow {
  status: 'pending' | 'admitted' | 'declined';
  decision_reason: string | null;
  organization_name: string;
  contact_name: string;
  contact_email: string;
  applicant_email: string | null;
  applicant_name: string | null;
  applicant_locale: Locale | null;
}

const DECISION: Record<'admitted' | 'declined', { subject: Record<Locale, string>; body: Record<Locale, (org: string) => string> }> = {
  admitted: {
    subject: { de: 'Zulassung als Anbieter', en: 'Admitted as a provider' },
    body: {
      de: (org) => `„${org}“ ist als Anbieter auf Landräume zugelassen. Sie können Ihre Räume jetzt anlegen und veröffentlichen.`,
      en: (org) => `"${org}" is admitted as a provider on Landräume. You can now set up and publish your rooms.`,
    },
  },
  declined: {
    subject: { de: 'Bewerbung als Anbieter abgelehnt', en: 'Provider application declined' },
    body: {
      de: (org) => `Die Bewerbung von „${org}“ als Anbieter auf Landräume wurde leider abgelehnt.`,
      en: (org) => `Unfortunately the application of "${org}" to offer rooms on Landräume was declined.`,
    },
  },
};

/**
 * Mails of provider admission: a new application to its town's municipality, the decision to
 * the applicant (their account and the contact person named in the application), and a note to each booker of an upcoming booking when its
 * provider is suspended — the booking stays, but the booker should know.
 */
export function admissionMailHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string }): Record<string, JobHandler> {
  return {
    async 'admission.decision_mail'(job) {
      const { applicationId } = job.payload as { applicationId: string };
      const [row] = (await deps.db.query(
        `SELECT a.status, a.decision_reason, o.name AS organization_name, a.contact_name, a.contact_email, u.email AS applicant_email, u.display_name AS applicant_name, u.locale AS applicant_locale
           FROM provider_applications a JOIN organizations o ON o.id = a.organization_id LEFT JOIN users u ON u.id = a.applicant_id AND u.deleted_at IS NULL
          WHERE a.id = $1`,
        [applicationId],
      )) as DecisionRow[];
      if (!row || row.status === 'pending') return;
      const locale = row.applicant_locale ?? 'de';
      const text = DECISION[row.status];
      const recipients = new Map<string, string | null>([[row.contact_email.toLowerCase(), row.contact_name]]);
      if (row.applicant_email && !row.applicant_email.endsWith('@invalid')) recipients.set(row.applicant_email.toLowerCase(), row.applicant_name);
      for (const [email, name] of recipients) {
        await deps.mailer.send(
          compose(
            email,
            `${text.subject[locale]}: ${row.organization_name}`,
            [greeting(locale, name), text.body[locale](row.organization_name), ...(row.decision_reason ? [`${locale === 'de' ? 'Begründung' : 'Reason'}: ${row.decision_reason}`] : [])],
            { url: `${deps.publicUrl}/anbieter-werden`, label: locale === 'de' ? 'Zur Bewerbung' : 'Open the application' },
            FOOTER[locale],
          ),
        );
      }
    },

    /** A new application, to the admins of its town's municipality, so it does not wait unseen. */
    async 'admission.application_mail'(job) {
      const { applicationId } = job.payload as { applicationId: string };
      const [row] = (await deps.db.query(
        `SELECT o.name AS organization_name, a.municipality, a.status FROM provider_applications a JOIN organizations o ON o.id = a.organization_id WHERE a.id = $1`,
        [applicationId],
      )) as { organization_name: string; municipality: string; status: string }[];
      if (!row || row.status !== 'pending') return;
      const deciders = (await deps.db.query(
        `SELECT DISTINCT u.email, u.display_name, u.locale FROM organizations o JOIN memberships m ON m.organization_id = o.id AND m.role = 'admin' JOIN users u ON u.id = m.user_id AND u.deleted_at IS NULL
          WHERE o.kind = 'municipality' AND o.municipality = $1`,
        [row.municipality],
      )) as Recipient[];
      for (const admin of deciders) {
        const de = admin.locale === 'de';
        await deps.mailer.send(
          compose(
            admin.email,
            `${de ? 'Neue Bewerbung als Anbieter' : 'New provider application'}: ${row.organization_name}`,
            [
              greeting(admin.locale, admin.display_name),
              de
                ? `„${row.organization_name}“ möchte in ${row.municipality} Räume auf Landräume anbieten und wartet auf Ihre Entscheidung.`
                : `"${row.organization_name}" would like to offer rooms in ${row.municipality} on Landräume and awaits your decision.`,
            ],
            { url: `${deps.publicUrl}/zulassung`, label: de ? 'Zur Zulassung' : 'Open the admission inbox' },
            FOOTER[admin.locale],
          ),
        );
      }
    },

    async 'provider.suspended_mail'(job) {
      const { bookingId } = job.payload as { bookingId: string };
      const row = await loadMailRow(deps.db, bookingId);
      // A booking cancelled since has nothing left to warn about.
      if (!row?.booker_email || row.booker_email.endsWith('@invalid') || (row.status !== 'pending' && row.status !== 'confirmed')) return;
      const locale = row.booker_locale ?? 'de';
      const de = locale === 'de';
      await deps.mailer.send(
        compose(
          row.booker_email,
          `${de ? 'Hinweis zu Ihrer Buchung' : 'About your booking'}: ${row.space_name}`,
          [
            greeting(locale, row.booker_name),
            de
              ? `Der Anbieter „${row.provider_name}“ ist auf Landräume vorübergehend gesperrt. Ihre Buchung bleibt bestehen; bei Fragen wenden Sie sich bitte an den Anbieter oder an uns.`
              : `The provider "${row.provider_name}" is suspended on Landräume for the time being. Your booking stays in place; if in doubt, please contact the provider or us.`,
            `${row.space_name} (${row.resource_name}) · ${when(row, locale)} · ${addressOf(row)}`,
          ],
          myBookingsLink(deps.publicUrl, locale),
          FOOTER[locale],
        ),
      );
    },
  };
}
