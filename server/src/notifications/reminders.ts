import type { Locale } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import { accessParagraph, loadMailRow, when } from './booking-mails';
import { compose, FOOTER } from './compose';
import type { Mailer } from './mailer';
import { addressOf, greeting, myBookingsLink } from './mail-parts';
import type { JobHandler } from './outbox';

export const DEFAULT_REMINDER_HOURS = 24;

/**
 * Queues a reminder for each confirmed booking that starts within the next `leadHours`. Only a
 * booking confirmed at least that long before its start gets one: whoever booked this
 * afternoon's desk this morning needs no reminder. The job key makes it once per booking,
 * however many workers sweep; `now` is injectable so tests need not wait a day.
 */
export async function enqueueDueReminders(db: DataSource, options: { leadHours: number; now?: Date }): Promise<number> {
  const rows = (await db.query(
    `INSERT INTO outbox_jobs (kind, key, payload, run_at)
     SELECT 'booking.reminder', b.id || ':booking.reminder', jsonb_build_object('bookingId', b.id), t.now
       FROM (SELECT coalesce($1::timestamptz, now()) AS now, make_interval(hours => $2) AS lead) t
       JOIN bookings b ON b.status = 'confirmed' AND lower(b.period) > t.now AND lower(b.period) <= t.now + t.lead
      WHERE coalesce(b.confirmed_at, b.created_at) <= lower(b.period) - t.lead
     ON CONFLICT (key) DO NOTHING
     RETURNING id`,
    [options.now ?? null, options.leadHours],
  )) as unknown[];
  return rows.length;
}

const SUBJECT: Record<Locale, string> = { de: 'Erinnerung', en: 'Reminder' };
const BODY: Record<Locale, string> = {
  de: 'eine kurze Erinnerung an Ihre Buchung. Wenn Sie doch nicht kommen können, stornieren Sie bitte, damit andere den Platz nutzen können.',
  en: 'a short reminder of your booking. If you cannot come after all, please cancel so that someone else can use the place.',
};

/** The reminder itself; a booking cancelled since it was queued gets none. */
export function reminderMailHandlers(deps: { db: DataSource; mailer: Mailer; publicUrl: string }): Record<string, JobHandler> {
  return {
    async 'booking.reminder'(job) {
      const row = await loadMailRow(deps.db, (job.payload as { bookingId: string }).bookingId);
      if (!row || row.status !== 'confirmed' || row.starts_at <= new Date()) return;
      if (!row.booker_email || row.booker_email.endsWith('@invalid')) return;
      const locale = row.booker_locale ?? 'de';
      const paragraphs = [
        greeting(locale, row.booker_name),
        BODY[locale],
        `${row.space_name} (${row.resource_name}) · ${when(row, locale)} · ${addressOf(row)}`,
        ...accessParagraph(row, locale),
      ];
      await deps.mailer.send(compose(row.booker_email, `${SUBJECT[locale]}: ${row.space_name}`, paragraphs, myBookingsLink(deps.publicUrl, locale), FOOTER[locale]));
    },
  };
}
