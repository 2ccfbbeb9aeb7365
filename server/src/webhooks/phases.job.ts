import type { DataSource } from 'typeorm';
import { rowsOf } from '../db/rows';
import { enqueueBookingEvents } from './webhook-events';

/** A booking that started or ended longer ago than this (worker down, endpoint added later) is not announced any more. */
const LOOKBACK = '6 hours';

/**
 * Announces `booking.started` and `booking.ended` once per confirmed booking, for bookings whose
 * organizations have an endpoint that wants them. The mark row is the claim: two workers may
 * find the same booking due, but only the one whose INSERT wins enqueues its events.
 */
export async function announceBookingPhases(db: DataSource, now?: Date): Promise<number> {
  return db.transaction(async (m) => {
    const marked = rowsOf<{ booking_id: string; phase: 'started' | 'ended' }>(await m.query(
      `WITH due AS (
         SELECT b.id, p.phase
           FROM bookings b
           JOIN spaces s ON s.id = b.space_id
           CROSS JOIN LATERAL (VALUES ('started', lower(b.period)), ('ended', upper(b.period))) AS p(phase, at)
          WHERE b.status = 'confirmed'
            AND p.at <= coalesce($1::timestamptz, now()) AND p.at > coalesce($1::timestamptz, now()) - $2::interval
            AND EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.active AND ('booking.' || p.phase) = ANY(w.events) AND w.organization_id IN (s.organization_id, b.organization_id))
            AND NOT EXISTS (SELECT 1 FROM webhook_booking_phases x WHERE x.booking_id = b.id AND x.phase = p.phase)
          ORDER BY p.at
          LIMIT 500
       )
       INSERT INTO webhook_booking_phases (booking_id, phase) SELECT id, phase FROM due ON CONFLICT DO NOTHING RETURNING booking_id, phase`,
      [now ?? null, LOOKBACK],
    ));
    for (const phase of ['started', 'ended'] as const) {
      await enqueueBookingEvents(m, marked.filter((r) => r.phase === phase).map((r) => r.booking_id), [`booking.${phase}`]);
    }
    return marked.length;
  });
}

/** How long the delivery log keeps a delivery; the phase marks go too, long after their sweep window. */
export const WEBHOOK_LOG_DAYS = 30;

/** Housekeeping: one idempotent DELETE each, safe on several workers. */
export async function purgeWebhookLog(db: DataSource, now?: Date): Promise<number> {
  const deliveries = rowsOf(await db.query(`DELETE FROM webhook_deliveries WHERE created_at < coalesce($1::timestamptz, now()) - make_interval(days => $2) RETURNING id`, [now ?? null, WEBHOOK_LOG_DAYS]));
  await db.query(`DELETE FROM webhook_booking_phases WHERE created_at < coalesce($1::timestamptz, now()) - make_interval(days => $2)`, [now ?? null, WEBHOOK_LOG_DAYS]);
  return deliveries.length;
}
