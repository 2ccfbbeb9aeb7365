import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { compose, FOOTER } from '../notifications/compose';
import type { Mailer } from '../notifications/mailer';
import { greeting, myBookingsLink } from '../notifications/mail-parts';
import type { JobHandler } from '../notifications/outbox';
import type { WaitlistOffers } from './waitlist-offers';
import { SLOT_FREED_JOB } from './waitlist-hooks';

interface OfferRow {
  email: string;
  display_name: string;
  locale: 'de' | 'en';
  space_name: string;
  resource_name: string;
  zone: string;
  starts_at: Date;
  ends_at: Date;
  held_until: Date;
}

/** The slot-freed job hands the slot down the line; the offer mail tells the person it is held for them. */
export function waitlistHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string; offers: WaitlistOffers }): Record<string, JobHandler> {
  return {
    async [SLOT_FREED_JOB](job) {
      await deps.offers.slotFreed((job.payload as { bookingId: string }).bookingId);
    },
    async 'waitlist.mail'(job) {
      const { entryId } = job.payload as { entryId: string };
      const [row] = (await deps.db.query(
        `SELECT u.email, u.display_name, u.locale, s.name AS space_name, r.name AS resource_name, s.zone, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.expires_at AS held_until
           FROM waitlist_entries w JOIN bookings b ON b.id = w.booking_id JOIN spaces s ON s.id = b.space_id JOIN resources r ON r.id = b.resource_id
           JOIN users u ON u.id = w.user_id AND u.deleted_at IS NULL
          WHERE w.id = $1 AND w.status = 'offered' AND b.status = 'held'`,
        [entryId],
      )) as OfferRow[];
      // Taken, given back or lapsed before the mail went out: nothing left to offer.
      if (!row) return;
      const locale = row.locale;
      const fmt = (d: Date, pattern: string) => DateTime.fromJSDate(d).setZone(row.zone).setLocale(locale === 'de' ? 'de-DE' : 'en-GB').toFormat(pattern);
      const slot = `${row.space_name} (${row.resource_name}) · ${fmt(row.starts_at, 'cccc, d. LLLL yyyy, HH:mm')}–${fmt(row.ends_at, 'HH:mm')}`;
      const until = fmt(row.held_until, 'HH:mm');
      const paragraphs =
        locale === 'de'
          ? [greeting(locale, row.display_name), 'Ein Platz, auf den Sie gewartet haben, ist frei geworden. Wir halten ihn für Sie fest:', slot, `Bitte bestätigen Sie bis ${until} Uhr unter „Meine Buchungen“; danach geht das Angebot an die nächste Person auf der Warteliste.`]
          : [greeting(locale, row.display_name), 'A slot you were waiting for has become free. We are holding it for you:', slot, `Please accept it by ${until} under “My bookings”; after that the offer goes to the next person on the waitlist.`];
      await deps.mailer.send(compose(row.email, `${locale === 'de' ? 'Platz frei geworden' : 'A slot is free'}: ${row.space_name}`, paragraphs, myBookingsLink(deps.publicUrl, locale), FOOTER[locale]));
    },
  };
}
