import type { Locale } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { BOOKING_SELECT, type BookingRow } from '../bookings/bookings.presenter';
import { ACCESS_COLUMNS, accessParagraphs, type AccessColumns } from '../access/access-mail';
import { calendarAttachment } from './booking-ics';
import { compose, FOOTER } from './compose';
import type { Mailer } from './mailer';
import { addressOf, adminsOf, greeting, icsPlaceAndPeople, myBookingsLink, type PlaceColumns } from './mail-parts';
import type { JobHandler } from './outbox';

export type BookingEvent = 'confirmed' | 'requested' | 'rejected' | 'cancelled' | 'expired' | 'no_show';

export type MailRow = BookingRow & PlaceColumns & AccessColumns & { cancelled_by_provider: boolean | null };

const SUBJECTS: Record<BookingEvent, Record<Locale, string>> = {
  confirmed: { de: 'Buchung bestätigt', en: 'Booking confirmed' },
  requested: { de: 'Anfrage eingegangen', en: 'Request received' },
  rejected: { de: 'Anfrage abgelehnt', en: 'Request declined' },
  cancelled: { de: 'Buchung storniert', en: 'Booking cancelled' },
  expired: { de: 'Anfrage abgelaufen', en: 'Request expired' },
  no_show: { de: 'Buchung freigegeben', en: 'Booking released' },
};

const BODIES: Record<BookingEvent, Record<Locale, string>> = {
  confirmed: { de: 'Ihre Buchung ist bestätigt. Den Termin finden Sie im Anhang für Ihren Kalender.', en: 'Your booking is confirmed. The attached file adds it to your calendar.' },
  requested: { de: 'Ihre Anfrage ist eingegangen. Der Zeitraum ist für Sie reserviert, bis der Anbieter entscheidet.', en: 'We received your request. The time is held for you until the provider decides.' },
  rejected: { de: 'Ihre Anfrage wurde leider abgelehnt.', en: 'Unfortunately your request was declined.' },
  cancelled: { de: 'Sie haben Ihre Buchung storniert. Der Anhang entfernt den Termin aus Ihrem Kalender.', en: 'You cancelled your booking. The attached file removes it from your calendar.' },
  expired: { de: 'Ihre Anfrage wurde nicht rechtzeitig beantwortet und ist abgelaufen; der Zeitraum ist wieder frei.', en: 'Your request was not answered in time and has expired; the time is free again.' },
  no_show: {
    de: 'Sie haben nicht rechtzeitig eingecheckt; Ihre Buchung wurde deshalb freigegeben, damit andere den Platz nutzen können. Der Anhang entfernt den Termin aus Ihrem Kalender.',
    en: 'You did not check in in time, so your booking was released for others to use. The attached file removes it from your calendar.',
  },
};

/** Who cancelled matters to the booker: a cancellation they did not make needs its reason. */
const CANCELLED_BY_PROVIDER: Record<Locale, string> = {
  de: 'Der Anbieter hat Ihre Buchung storniert. Der Anhang entfernt den Termin aus Ihrem Kalender.',
  en: 'The provider cancelled your booking. The attached file removes it from your calendar.',
};

export async function loadMailRow(db: DataSource, bookingId: string): Promise<MailRow | undefined> {
  const [row] = (await db.query(
    `SELECT q.*, ${ACCESS_COLUMNS},
            (SELECT a.actor_user_id IS DISTINCT FROM q.booker_id FROM audit_events a
              WHERE a.subject_type = 'booking' AND a.subject_id = q.id::text AND a.action = 'booking.cancelled'
              ORDER BY a.created_at DESC LIMIT 1) AS cancelled_by_provider,
            s.street, s.postcode, s.town, s.lat, s.lon, so.name AS provider_name, so.email AS provider_email, u.locale AS booker_locale
       FROM (${BOOKING_SELECT} WHERE b.id = $1) q
       JOIN spaces s ON s.id = q.space_id JOIN organizations so ON so.id = s.organization_id LEFT JOIN users u ON u.id = q.booker_id`,
    [bookingId],
  )) as MailRow[];
  return row;
}

export const when = (row: MailRow, locale: Locale) => {
  const start = DateTime.fromJSDate(row.starts_at).setZone(row.zone).setLocale(locale === 'de' ? 'de-DE' : 'en-GB');
  const end = DateTime.fromJSDate(row.ends_at).setZone(row.zone).setLocale(locale === 'de' ? 'de-DE' : 'en-GB');
  return `${start.toFormat('cccc, d. LLLL yyyy, HH:mm')}–${end.toFormat('HH:mm')}`;
};

/** How to get in (key, code, reception): only confirmed bookers ever read it. */
export const accessParagraph = (row: MailRow, locale: Locale) => accessParagraphs(row, row.zone, locale);

/** Mails about a booking, in the recipient's language; confirmations and cancellations carry an .ics. */
export function bookingMailHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string; fromAddress: string }): Record<string, JobHandler> {
  const domain = new URL(deps.publicUrl).hostname;
  return {
    async 'booking.mail'(job) {
      const { bookingId, event } = job.payload as { bookingId: string; event: BookingEvent };
      const row = await loadMailRow(deps.db, bookingId);
      // An erased booker has nobody to write to; the job is done.
      if (!row?.booker_email || row.booker_email.endsWith('@invalid')) return;
      const locale = row.booker_locale ?? 'de';
      const paragraphs = [
        greeting(locale, row.booker_name),
        event === 'cancelled' && row.cancelled_by_provider ? CANCELLED_BY_PROVIDER[locale] : BODIES[event][locale],
        `${row.space_name} (${row.resource_name}) · ${when(row, locale)} · ${addressOf(row)}`,
        ...(row.decision_reason && (event === 'rejected' || event === 'cancelled') ? [`${locale === 'de' ? 'Grund' : 'Reason'}: ${row.decision_reason}`] : []),
        ...(event === 'confirmed' ? accessParagraph(row, locale) : []),
      ];
      const ics =
        event === 'confirmed' || event === 'cancelled' || event === 'no_show'
          ? [
              calendarAttachment(
                event === 'confirmed' ? 'termin.ics' : 'absage.ics',
                {
                  id: row.id, sequence: row.sequence, status: event === 'confirmed' ? 'confirmed' : 'cancelled', start: row.starts_at, end: row.ends_at, zone: row.zone,
                  summary: `${row.space_name} – ${row.resource_name}`, description: row.purpose, ...icsPlaceAndPeople(row, row.booker_email, deps.fromAddress),
                },
                domain,
              ),
            ]
          : undefined;
      await deps.mailer.send(compose(row.booker_email, `${SUBJECTS[event][locale]}: ${row.space_name}`, paragraphs, myBookingsLink(deps.publicUrl, locale), FOOTER[locale], ics));
    },

    /** New requests go to the admins of the space's organization, each in their own language. */
    async 'booking.provider_mail'(job) {
      const { bookingId } = job.payload as { bookingId: string };
      const row = await loadMailRow(deps.db, bookingId);
      if (!row) return;
      const admins = await adminsOf(deps.db, row.space_organization_id);
      for (const admin of admins) {
        const de = admin.locale === 'de';
        await deps.mailer.send(
          compose(
            admin.email,
            `${de ? 'Neue Anfrage' : 'New request'}: ${row.space_name}`,
            [
              greeting(admin.locale, admin.display_name),
              de ? `${row.booker_name ?? 'Jemand'} fragt ${row.space_name} an:` : `${row.booker_name ?? 'Someone'} requests ${row.space_name}:`,
              `${row.resource_name} · ${when(row, admin.locale)}${row.organization_name ? ` · ${row.organization_name}` : ''}${row.purpose ? ` · ${row.purpose}` : ''}`,
              de ? 'Bitte bestätigen oder lehnen Sie die Anfrage ab, bevor sie abläuft.' : 'Please confirm or decline the request before it expires.',
            ],
            { url: `${deps.publicUrl}/anfragen`, label: de ? 'Zu den Anfragen' : 'Open requests' },
            FOOTER[admin.locale],
          ),
        );
      }
    },
  };
}
