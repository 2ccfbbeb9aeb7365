import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { expandSeries } from '../bookings/series/recurrence';
import { calendarAttachment } from './booking-ics';
import { compose, FOOTER } from './compose';
import type { Mailer } from './mailer';
import { addressOf, greeting, icsPlaceAndPeople, myBookingsLink, type PlaceColumns } from './mail-parts';
import type { JobHandler } from './outbox';

interface SeriesRow extends PlaceColumns {
  id: string;
  rrule: string;
  first_start: Date;
  first_end: Date;
  purpose: string;
  space_name: string;
  zone: string;
  booker_email: string | null;
  resource_name: string;
  bookings: { start: string; status: string }[];
}

const TEXT = {
  created: { de: 'Ihre Terminserie ist gebucht. Die Datei im Anhang trägt sie als eine Serie in Ihren Kalender ein.', en: 'Your series is booked. The attached file adds it to your calendar as one series.' },
  updated: { de: 'Ihre Terminserie hat sich geändert. Die Datei im Anhang bringt Ihren Kalender auf den neuen Stand.', en: 'Your series has changed. The attached file brings your calendar up to date.' },
} as const;

/**
 * One mail for a whole series (not 52), with one calendar event: the RRULE as booked, and every
 * date that is not (or no longer) booked as an EXDATE. Each change resends it with a higher SEQUENCE.
 */
export function seriesMailHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string; fromAddress: string }): Record<string, JobHandler> {
  const domain = new URL(deps.publicUrl).hostname;
  return {
    async 'series.mail'(job) {
      const { seriesId, event } = job.payload as { seriesId: string; event: 'created' | 'updated' };
      const [row] = (await deps.db.query(
        `SELECT bs.id, bs.rrule, bs.first_start, bs.first_end, bs.purpose, s.name AS space_name, s.zone, s.street, s.postcode, s.town, s.lat, s.lon,
                o.name AS provider_name, o.email AS provider_email, u.display_name AS booker_name, u.email AS booker_email, u.locale AS booker_locale, r.name AS resource_name,
                (SELECT coalesce(json_agg(json_build_object('start', lower(b.period), 'status', b.status) ORDER BY lower(b.period)), '[]') FROM bookings b WHERE b.series_id = bs.id) AS bookings,
                (SELECT coalesce(sum(b.sequence), 0)::int FROM bookings b WHERE b.series_id = bs.id) AS sequence
           FROM booking_series bs JOIN spaces s ON s.id = bs.space_id JOIN organizations o ON o.id = s.organization_id
           JOIN resources r ON r.id = bs.resource_id LEFT JOIN users u ON u.id = bs.booker_id AND u.deleted_at IS NULL
          WHERE bs.id = $1`,
        [seriesId],
      )) as (SeriesRow & { sequence: number })[];
      if (!row?.booker_email) return;
      const locale = row.booker_locale ?? 'de';
      const first = DateTime.fromJSDate(row.first_start).setZone(row.zone);
      const occurrences = expandSeries({ rrule: row.rrule, start: first, end: DateTime.fromJSDate(row.first_end).setZone(row.zone), zone: row.zone, exdates: [] });
      const active = new Set(row.bookings.filter((b) => b.status === 'pending' || b.status === 'confirmed').map((b) => DateTime.fromISO(b.start).toMillis()));
      const booked = occurrences.filter((o) => active.has(o.start.toMillis()));
      const missing = occurrences.filter((o) => !active.has(o.start.toMillis()));
      const tag = locale === 'de' ? 'de-DE' : 'en-GB';
      const day = (o: { start: DateTime }) => o.start.setLocale(tag).toFormat('ccc d. LLL yyyy');
      const paragraphs = [
        greeting(locale, row.booker_name),
        TEXT[event][locale],
        `${row.space_name} (${row.resource_name}) · ${first.setLocale(tag).toFormat('HH:mm')} · ${addressOf(row)}`,
        `${locale === 'de' ? 'Gebucht' : 'Booked'} (${booked.length}): ${booked.map(day).join(', ') || '–'}`,
        ...(missing.length ? [`${locale === 'de' ? 'Nicht gebucht' : 'Not booked'} (${missing.length}): ${missing.map(day).join(', ')}`] : []),
      ];
      const ics = calendarAttachment(
        'serie.ics',
        {
          id: row.id, sequence: row.sequence, status: booked.length ? 'confirmed' : 'cancelled', start: row.first_start, end: row.first_end, zone: row.zone,
          summary: `${row.space_name} – ${row.resource_name}`, description: row.purpose, ...icsPlaceAndPeople(row, row.booker_email, deps.fromAddress),
          recurrence: { rrule: row.rrule, exdates: missing.map((o) => o.start) },
        },
        domain,
      );
      await deps.mailer.send(
        compose(row.booker_email, `${locale === 'de' ? 'Terminserie' : 'Series'}: ${row.space_name}`, paragraphs, myBookingsLink(deps.publicUrl, locale), FOOTER[locale], [ics]),
      );
    },
  };
}
