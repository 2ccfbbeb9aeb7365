import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { rowsOf } from '../db/rows';
import { enqueueBookingMail } from '../bookings/booking-mail-jobs';
import { enqueueBookingEvents } from '../webhooks/webhook-events';
import { releaseSlots } from '../bookings/release-slots';

/**
 * Releases confirmed bookings nobody checked in to by the start (or the confirmation, for a
 * booking made after it began) plus the space's grace period. One conditional UPDATE with SKIP
 * LOCKED claims the rows, so two workers never release a booking twice and a check-in racing the
 * release either lands first or finds it gone. A booking that has already ended is history:
 * releasing it would free nothing, so it is left alone.
 */
export async function releaseNoShows(db: DataSource): Promise<number> {
  return db.transaction(async (m) => {
    const rows = rowsOf<{ id: string; sequence: number; series_id: string | null }>(
      await m.query(
        `WITH due AS (
           SELECT b.id FROM bookings b JOIN spaces s ON s.id = b.space_id
            WHERE b.status = 'confirmed' AND b.checked_in_at IS NULL AND s.no_show_grace_minutes IS NOT NULL
              AND greatest(lower(b.period), b.confirmed_at) + make_interval(mins => s.no_show_grace_minutes) <= now()
              AND upper(b.period) > now()
            ORDER BY lower(b.period) LIMIT 500 FOR UPDATE OF b SKIP LOCKED)
         UPDATE bookings b SET status = 'no_show', sequence = sequence + 1, updated_at = now() FROM due
          WHERE b.id = due.id AND b.status = 'confirmed' AND b.checked_in_at IS NULL
         RETURNING b.id, b.sequence, b.series_id`,
      ),
    );
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    for (const row of rows) {
      await recordAudit(m, { actorId: undefined, action: 'booking.no_show', subjectType: 'booking', subjectId: row.id });
      await enqueueBookingMail(m, { id: row.id, seriesId: row.series_id }, 'no_show', row.sequence);
    }
    // For a heating or a lock a released booking is a cancelled one; its status says why.
    await enqueueBookingEvents(m, ids, ['booking.cancelled']);
    await releaseSlots(m, ids);
    return ids.length;
  });
}
