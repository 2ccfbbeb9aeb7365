import type { DataSource } from 'typeorm';
import type { Booking } from '@landraeume/shared';
import type { Actor } from '../../accounts/actor';
import { canDecideBookingsOf } from '../../accounts/policy';
import { recordAudit } from '../../audit/audit';
import { rowsOf } from '../../db/rows';
import { notFound } from '../../http/errors';
import { enqueueSeriesMail } from '../booking-mail-jobs';
import { BOOKING_SELECT, presentBooking, type BookingRow } from '../bookings.presenter';

/**
 * A weekly request is one decision for the town: approving the series confirms all of its dates
 * still waiting, in one transaction, and the club gets one updated series mail instead of one per date.
 */
export class SeriesApproval {
  constructor(private readonly db: DataSource) {}

  async approve(actor: Actor, seriesId: string): Promise<{ approved: Booking[] }> {
    return this.db.transaction(async (m) => {
      const [series] = (await m.query(
        `SELECT s.organization_id, o.kind FROM booking_series bs JOIN spaces s ON s.id = bs.space_id JOIN organizations o ON o.id = s.organization_id WHERE bs.id = $1`,
        [seriesId],
      )) as { organization_id: string; kind: string }[];
      if (!series || !canDecideBookingsOf(actor, { id: series.organization_id, kind: series.kind })) throw notFound('Series');
      // Dates past their expiry are expired even if the expiry job has not come round yet.
      const approved = rowsOf<{ id: string }>(
        await m.query(
          `UPDATE bookings SET status = 'confirmed', confirmed_at = now(), sequence = sequence + 1, updated_at = now()
            WHERE series_id = $1 AND status = 'pending' AND (expires_at IS NULL OR expires_at > now()) RETURNING id`,
          [seriesId],
        ),
      );
      const ids = approved.map((r) => r.id);
      if (ids.length) {
        await enqueueSeriesMail(m, seriesId, 'updated', `approved:${[...ids].sort().join(',')}`);
        await recordAudit(m, { actorId: actor.id, action: 'series.approved', subjectType: 'series', subjectId: seriesId, data: { bookings: ids.length } });
      }
      const rows = (await m.query(`${BOOKING_SELECT} WHERE b.id = ANY($1::uuid[]) ORDER BY lower(b.period)`, [ids])) as BookingRow[];
      return { approved: rows.map(presentBooking) };
    });
  }
}
