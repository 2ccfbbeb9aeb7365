import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { rowsOf } from '../db/rows';
import { enqueueBookingMail } from './booking-mail-jobs';
import { enqueueBookingEvents } from '../webhooks/webhook-events';
import { releaseSlots } from './release-slots';

/**
 * Unanswered requests end at their expiry time and free their slot. One UPDATE claims the rows,
 * so several workers running this at once never expire a booking twice.
 */
export async function expirePendingBookings(db: DataSource): Promise<number> {
  return db.transaction(async (m) => {
    const rows = rowsOf<{ id: string; sequence: number; series_id: string | null }>(await m.query(
      `WITH due AS (SELECT id FROM bookings WHERE status = 'pending' AND expires_at <= now() ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED)
       UPDATE bookings b SET status = 'expired', sequence = sequence + 1, updated_at = now() FROM due WHERE b.id = due.id RETURNING b.id, b.sequence, b.series_id`,
    ));
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    await enqueueBookingEvents(m, ids, ['booking.expired']);
    for (const row of rows) {
      await recordAudit(m, { actorId: undefined, action: 'booking.expired', subjectType: 'booking', subjectId: row.id });
      await enqueueBookingMail(m, { id: row.id, seriesId: row.series_id }, 'expired', row.sequence);
    }
    await releaseSlots(m, ids);
    return ids.length;
  });
}
