import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Booking, WebhookEvent } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { canDecideBookingsOf } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { rowsOf } from '../db/rows';
import { enqueueBookingMail } from './booking-mail-jobs';
import { enqueueBookingEvents } from '../webhooks/webhook-events';
import { DomainError } from '../http/errors';
import { nextStatus, holdsSlot, type BookingAction } from './booking-transitions';
import { presentBooking, type BookingRow } from './bookings.presenter';
import { loadBookingRow, visibleBookingRow } from './bookings.query';
import { bookingKind, UNCOUNTED, type BookingCounter } from '../metrics/booking-counter';
import { releaseSlots } from './release-slots';

/** Approve, reject and cancel: each a checked transition that frees the slot when it ends the booking. */
export class BookingDecisions {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => DateTime = () => DateTime.now(),
    private readonly counter: BookingCounter = UNCOUNTED,
  ) {}

  async approve(actor: Actor, id: string): Promise<Booking> {
    const row = await this.decidable(actor, id);
    return this.transition(actor, row, 'approve', null);
  }

  async reject(actor: Actor, id: string, reason: string): Promise<Booking> {
    const row = await this.decidable(actor, id);
    return this.transition(actor, row, 'reject', reason);
  }

  /** The booker before the space's deadline; the space's admins at any time, with a reason. */
  async cancel(actor: Actor, id: string, reason: string | undefined): Promise<Booking> {
    const row = await visibleBookingRow(this.db, actor, id);
    const isDecider = canDecideBookingsOf(actor, { id: row.space_organization_id, kind: row.space_organization_kind });
    if (row.booker_id === actor.id && !isDecider) {
      const deadline = DateTime.fromJSDate(row.starts_at).minus({ hours: row.cancellation_deadline_hours });
      if (row.status === 'confirmed' && this.now() > deadline) {
        throw new DomainError('cancellation_deadline_passed', `Bookings of this space can be cancelled until ${row.cancellation_deadline_hours} hours before the start`, { deadline: deadline.toISO() });
      }
    } else if (!isDecider) {
      throw new DomainError('forbidden', 'Only the booker or the space’s admins can cancel this booking');
    } else if (row.booker_id !== actor.id && !reason) {
      throw new DomainError('invalid_input', 'Please give a reason for the booker', { issues: [{ path: 'reason', message: 'reason.required' }] });
    }
    return this.transition(actor, row, 'cancel', reason ?? null);
  }

  private async decidable(actor: Actor, id: string): Promise<BookingRow> {
    const row = await visibleBookingRow(this.db, actor, id);
    if (!canDecideBookingsOf(actor, { id: row.space_organization_id, kind: row.space_organization_kind })) throw new DomainError('forbidden', 'Only the space’s admins decide on requests');
    return row;
  }

  private async transition(actor: Actor, row: BookingRow, action: BookingAction, reason: string | null): Promise<Booking> {
    const approval = await this.db.transaction(async (m) => {
      const [locked] = (await m.query(`SELECT status, expires_at <= now() AS overdue FROM bookings WHERE id = $1 FOR UPDATE`, [row.id])) as [{ status: BookingRow['status']; overdue: boolean | null }];
      // A request past its expiry is expired, even if the expiry job has not come round yet.
      if (action === 'approve' && locked.overdue) throw new DomainError('invalid_transition', 'This request has expired', { status: 'expired' });
      const to = nextStatus(locked.status, action);
      if (!to) throw new DomainError('invalid_transition', `A ${locked.status} booking cannot be ${action === 'cancel' ? 'cancelled' : `${action}d`}`, { status: locked.status });
      const [{ sequence, approval }] = rowsOf<{ sequence: number; approval: string }>(
        await m.query(
          `UPDATE bookings SET status = $2, decision_reason = coalesce($3, decision_reason), sequence = sequence + 1, updated_at = now(),
                  confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END
            WHERE id = $1
           RETURNING sequence, (SELECT approval FROM spaces WHERE id = space_id) AS approval`,
          [row.id, to, reason],
        ),
      ) as [{ sequence: number; approval: string }];
      if (!holdsSlot(to)) await releaseSlots(m, [row.id]);
      await enqueueBookingMail(m, { id: row.id, seriesId: row.series_id }, to, sequence);
      await enqueueBookingEvents(m, [row.id], [`booking.${to}` as WebhookEvent]);
      await recordAudit(m, { actorId: actor.id, action: `booking.${to}`, subjectType: 'booking', subjectId: row.id, data: { from: locked.status, reason } });
      return approval;
    });
    if (action === 'cancel') this.counter.cancelled(bookingKind({ seriesId: row.series_id, approval }));
    return presentBooking((await loadBookingRow(this.db, row.id))!);
  }
}
