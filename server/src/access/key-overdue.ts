import type { Locale } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { loadMailRow, when } from '../notifications/booking-mails';
import { compose, FOOTER } from '../notifications/compose';
import type { Mailer } from '../notifications/mailer';
import { greeting, myBookingsLink } from '../notifications/mail-parts';
import type { JobHandler } from '../notifications/outbox';

/**
 * Queues one reminder per key that is out past its return time. The job key is the booking's,
 * so however often and on however many workers the sweep runs, the booker hears it once.
 */
export async function enqueueOverdueKeyReminders(db: DataSource, options: { now?: Date } = {}): Promise<number> {
  const rows = (await db.query(
    `INSERT INTO outbox_jobs (kind, key, payload)
     SELECT 'access.key_overdue', a.booking_id || ':access.key_overdue', jsonb_build_object('bookingId', a.booking_id)
       FROM booking_access a JOIN bookings b ON b.id = a.booking_id JOIN spaces s ON s.id = b.space_id
      WHERE a.key_out_at IS NOT NULL AND a.key_back_at IS NULL
        AND upper(b.period) + make_interval(hours => s.key_return_hours_after) < coalesce($1::timestamptz, now())
     ON CONFLICT (key) DO NOTHING
     RETURNING id`,
    [options.now ?? null],
  )) as unknown[];
  return rows.length;
}

const SUBJECT: Record<Locale, string> = { de: 'Bitte Schlüssel zurückgeben', en: 'Please return the key' };
const BODY: Record<Locale, (returnBy: string, place: string) => string> = {
  de: (returnBy, place) => `der Schlüssel zu Ihrer Buchung hätte bis ${returnBy} zurückgegeben werden sollen. Bitte bringen Sie ihn so bald wie möglich zurück${place ? `: ${place}` : ''}.`,
  en: (returnBy, place) => `the key for your booking was due back by ${returnBy}. Please return it as soon as you can${place ? `: ${place}` : ''}.`,
};

/** The reminder; a key returned since it was queued needs none. */
export function keyOverdueMailHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string }): Record<string, JobHandler> {
  return {
    async 'access.key_overdue'(job) {
      const bookingId = (job.payload as { bookingId: string }).bookingId;
      const [key] = (await deps.db.query(
        `SELECT a.key_back_at, s.key_place, upper(b.period) + make_interval(hours => s.key_return_hours_after) AS return_by
           FROM booking_access a JOIN bookings b ON b.id = a.booking_id JOIN spaces s ON s.id = b.space_id WHERE a.booking_id = $1`,
        [bookingId],
      )) as { key_back_at: Date | null; key_place: string; return_by: Date }[];
      if (!key || key.key_back_at) return;
      const row = await loadMailRow(deps.db, bookingId);
      if (!row?.booker_email || row.booker_email.endsWith('@invalid')) return;
      const locale = row.booker_locale ?? 'de';
      const returnBy = DateTime.fromJSDate(key.return_by).setZone(row.zone).setLocale(locale === 'de' ? 'de-DE' : 'en-GB').toFormat('d. LLLL yyyy, HH:mm');
      const paragraphs = [greeting(locale, row.booker_name), BODY[locale](returnBy, key.key_place), `${row.space_name} (${row.resource_name}) · ${when(row, locale)}`];
      await deps.mailer.send(compose(row.booker_email, `${SUBJECT[locale]}: ${row.space_name}`, paragraphs, myBookingsLink(deps.publicUrl, locale), FOOTER[locale]));
    },
  };
}
