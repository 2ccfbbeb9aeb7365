import QRCode from 'qrcode';
import type { DataSource } from 'typeorm';
import type { Booking, QrSheet } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { canDecideBookingsOf } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { rowsOf } from '../db/rows';
import { DomainError, notFound } from '../http/errors';
import { presentBooking } from '../bookings/bookings.presenter';
import { loadBookingRow, visibleBookingRow } from '../bookings/bookings.query';
import { checkInWindow, EARLY_CHECK_IN_MINUTES, isWithin } from './checkin-window';

/** Check-in on site: by the booking's button or by scanning the resource's QR code. */
export class CheckInService {
  constructor(
    private readonly db: DataSource,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Only the booker checks in: managers see the booking but were not there. */
  async checkIn(actor: Actor, bookingId: string): Promise<Booking> {
    const row = await visibleBookingRow(this.db, actor, bookingId);
    if (row.booker_id !== actor.id) throw new DomainError('forbidden', 'Only the booker can check in');
    if (row.checked_in_at) return presentBooking(row);
    if (row.status !== 'confirmed') throw new DomainError('invalid_transition', `A ${row.status} booking cannot be checked in`, { status: row.status });
    const window = checkInWindow({ start: row.starts_at, end: row.ends_at, graceMinutes: row.no_show_grace_minutes });
    if (!isWithin(window, this.now())) {
      throw new DomainError('check_in_not_open', 'Check-in is open from shortly before the start until the grace period ends', { from: window.from.toISOString(), until: window.until.toISOString() });
    }
    return this.record(actor, bookingId);
  }

  /**
   * The QR code names a place, not a booking: it checks in the scanner's own booking there, if
   * one is open for check-in now, and tells nothing about anyone else's.
   */
  async checkInByToken(actor: Actor, token: string): Promise<Booking> {
    const [match] = rowsOf<{ id: string; checked_in_at: Date | null }>(
      await this.db.query(
        `SELECT b.id, b.checked_in_at
           FROM resources r
           JOIN bookings b ON b.booker_id = $2 AND b.status = 'confirmed'
                AND (b.resource_id = r.id OR b.resource_id = ANY (SELECT id FROM resources WHERE parent_id = r.id)
                     OR EXISTS (SELECT 1 FROM booking_claims c WHERE c.booking_id = b.id AND c.unit_id = r.id))
           JOIN spaces s ON s.id = b.space_id
          WHERE r.checkin_token = $1
            AND lower(b.period) - make_interval(mins => $4) <= $3::timestamptz
            AND $3::timestamptz < CASE WHEN s.no_show_grace_minutes IS NULL THEN upper(b.period)
                                       ELSE least(upper(b.period), lower(b.period) + make_interval(mins => s.no_show_grace_minutes)) END
          ORDER BY b.checked_in_at NULLS FIRST, lower(b.period)
          LIMIT 1`,
        [token, actor.id, this.now().toISOString(), EARLY_CHECK_IN_MINUTES],
      ),
    );
    if (!match) throw new DomainError('not_found', 'You have no booking here that is open for check-in now');
    if (match.checked_in_at) return presentBooking((await loadBookingRow(this.db, match.id))!);
    return this.record(actor, match.id);
  }

  /** The printable sheet of QR codes, for the space's admins. */
  async qrSheet(actor: Actor, spaceId: string): Promise<QrSheet> {
    const [space] = rowsOf<{ id: string; name: string; organization_id: string; kind: string; no_show_grace_minutes: number | null }>(
      await this.db.query(`SELECT s.id, s.name, s.organization_id, o.kind, s.no_show_grace_minutes FROM spaces s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1`, [spaceId]),
    );
    if (!space || !canDecideBookingsOf(actor, { id: space.organization_id, kind: space.kind })) throw notFound('Space');
    const resources = rowsOf<{ id: string; name: string; kind: 'desk' | 'room' | 'part'; checkin_token: string }>(
      await this.db.query(`SELECT id, name, kind, checkin_token FROM resources WHERE space_id = $1 AND active ORDER BY parent_id NULLS FIRST, name, id`, [spaceId]),
    );
    return {
      space: { id: space.id, name: space.name, noShowGraceMinutes: space.no_show_grace_minutes },
      resources: await Promise.all(
        resources.map(async (r) => {
          const checkInUrl = `${this.publicUrl.replace(/\/$/, '')}/checkin/${r.checkin_token}`;
          return { id: r.id, name: r.name, kind: r.kind, checkInUrl, qrSvg: await QRCode.toString(checkInUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
        }),
      ),
    };
  }

  /** Conditional on the state, so a check-in racing the no-show release either wins or is told it lost. */
  private async record(actor: Actor, bookingId: string): Promise<Booking> {
    await this.db.transaction(async (m) => {
      const updated = rowsOf<{ id: string }>(
        await m.query(`UPDATE bookings SET checked_in_at = $2::timestamptz, updated_at = now() WHERE id = $1 AND status = 'confirmed' AND checked_in_at IS NULL RETURNING id`, [bookingId, this.now().toISOString()]),
      );
      if (!updated.length) {
        const [current] = rowsOf<{ status: string }>(await m.query(`SELECT status FROM bookings WHERE id = $1`, [bookingId]));
        if (current?.status !== 'confirmed') throw new DomainError('invalid_transition', 'This booking can no longer be checked in', { status: current?.status });
        return;
      }
      await recordAudit(m, { actorId: actor.id, action: 'booking.checked_in', subjectType: 'booking', subjectId: bookingId });
    });
    return presentBooking((await loadBookingRow(this.db, bookingId))!);
  }
}
