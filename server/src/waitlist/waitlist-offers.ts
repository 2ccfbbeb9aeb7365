import { DateTime } from 'luxon';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Booking, BookingStatus, WaitlistEntry } from '@landraeume/shared';
import { loadActor, type Actor } from '../accounts/actor';
import { recordAudit } from '../audit/audit';
import type { BookingCreateService } from '../bookings/booking-create.service';
import { enqueueBookingMail } from '../bookings/booking-mail-jobs';
import { nextStatus } from '../bookings/booking-transitions';
import { presentBooking } from '../bookings/bookings.presenter';
import { loadBookingRow } from '../bookings/bookings.query';
import { rowsOf } from '../db/rows';
import { DomainError } from '../http/errors';
import { enqueue } from '../notifications/outbox';
import { enqueueBookingEvents } from '../webhooks/webhook-events';
import { ownEntry } from './waitlist.service';
import { presentWaitlistEntry } from './waitlist.presenter';
import { releaseSlots } from '../bookings/release-slots';

export const DEFAULT_WAITLIST_HOLD_MINUTES = 30;

interface Waiting {
  id: string;
  user_id: string;
  space_id: string;
  resource_id: string | null;
  starts_at: Date;
  ends_at: Date;
  auto_book: boolean;
}

/** Thrown inside the booking's transaction when another worker already served the entry. */
class AlreadyServed extends Error {}

/**
 * Passing a freed slot down the line. Each offer is a booking written by the booking service
 * itself, so every rule, the unit lock and the exclusion constraint apply: a hold (`held`) or,
 * for those who asked, the real booking. The entry changes state in the same transaction.
 */
export class WaitlistOffers {
  constructor(
    private readonly db: DataSource,
    private readonly create: BookingCreateService,
    private readonly holdMinutes: number,
    private readonly pendingExpiryHours: number,
  ) {}

  /** Offers what a freed booking gave back to those waiting for it, first come first served. */
  async slotFreed(bookingId: string): Promise<number> {
    const waiting = rowsOf<Waiting>(
      await this.db.query(
        `SELECT w.id, w.user_id, w.space_id, w.resource_id, lower(w.period) AS starts_at, upper(w.period) AS ends_at, w.auto_book
           FROM waitlist_entries w JOIN bookings b ON b.id = $1
          WHERE w.status = 'waiting' AND w.space_id = b.space_id AND w.period && b.period
          ORDER BY w.created_at, w.id`,
        [bookingId],
      ),
    );
    let served = 0;
    for (const entry of waiting) if (await this.offer(entry)) served++;
    return served;
  }

  /** True when the entry got the slot; a slot taken again leaves it waiting, a broken rule ends it. */
  private async offer(entry: Waiting): Promise<boolean> {
    const actor = await loadActor(this.db, entry.user_id);
    if (!actor) return this.fail(entry.id, 'not_found');
    const input = {
      spaceId: entry.space_id,
      ...(entry.resource_id ? { resourceId: entry.resource_id } : {}),
      start: DateTime.fromJSDate(entry.starts_at).toUTC().toISO()!,
      end: DateTime.fromJSDate(entry.ends_at).toUTC().toISO()!,
    };
    try {
      await this.create.create(actor, input, undefined, {
        ...(entry.auto_book ? {} : { holdMinutes: this.holdMinutes }),
        onBooked: (qr, id) => this.served(qr, entry, id),
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyServed) return false;
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'booking_conflict') return false;
      return this.fail(entry.id, error.code);
    }
  }

  private async served(qr: QueryRunner, entry: Waiting, bookingId: string): Promise<void> {
    const status = entry.auto_book ? 'booked' : 'offered';
    const updated = rowsOf<{ id: string }>(
      await qr.query(`UPDATE waitlist_entries SET status = $2, booking_id = $3, updated_at = now() WHERE id = $1 AND status = 'waiting' RETURNING id`, [entry.id, status, bookingId]),
    );
    if (!updated.length) throw new AlreadyServed();
    if (!entry.auto_book) await enqueue(qr, { kind: 'waitlist.mail', key: `${entry.id}:waitlist.mail:offered`, payload: { entryId: entry.id } });
    await recordAudit(qr.manager, { actorId: undefined, action: `waitlist.${status}`, subjectType: 'waitlist_entry', subjectId: entry.id, data: { bookingId } });
  }

  private async fail(entryId: string, code: string): Promise<false> {
    await this.db.query(`UPDATE waitlist_entries SET status = 'failed', failure = $2, updated_at = now() WHERE id = $1 AND status = 'waiting'`, [entryId, code]);
    return false;
  }

  /** The held person takes the slot: the held booking becomes theirs (a request where the space wants approval). */
  async accept(actor: Actor, entryId: string): Promise<{ entry: WaitlistEntry; booking: Booking }> {
    await ownEntry(this.db, actor, entryId);
    const bookingId = await this.db.transaction(async (m) => {
      const [row] = rowsOf<{ status: string; booking_id: string | null; approval: string }>(
        await m.query(`SELECT w.status, w.booking_id, s.approval FROM waitlist_entries w JOIN spaces s ON s.id = w.space_id WHERE w.id = $1 FOR UPDATE OF w`, [entryId]),
      );
      // The lapse job locks the held booking too; whoever comes second sees the other's result.
      const [held] = rowsOf<{ status: BookingStatus; overdue: boolean }>(await m.query(`SELECT status, expires_at <= now() AS overdue FROM bookings WHERE id = $1 FOR UPDATE`, [row!.booking_id]));
      if (row!.status !== 'offered' || !held || !nextStatus(held.status, 'accept_offer') || held.overdue) {
        throw new DomainError('invalid_transition', 'There is no offer to accept, or it has lapsed', { status: row!.status });
      }
      const pending = row!.approval === 'required';
      const [{ sequence }] = rowsOf<{ sequence: number }>(
        await m.query(
          `UPDATE bookings SET status = $2, sequence = sequence + 1, updated_at = now(),
                  expires_at = CASE WHEN $2 = 'pending' THEN least(now() + make_interval(hours => $3), lower(period)) END,
                  confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() END
            WHERE id = $1 RETURNING sequence`,
          [row!.booking_id, pending ? 'pending' : 'confirmed', this.pendingExpiryHours],
        ),
      ) as [{ sequence: number }];
      await m.query(`UPDATE waitlist_entries SET status = 'booked', updated_at = now() WHERE id = $1`, [entryId]);
      if (pending) {
        await enqueue(m, { kind: 'booking.mail', key: `${row!.booking_id}:booking.mail:requested:${sequence}`, payload: { bookingId: row!.booking_id, event: 'requested' } });
        await enqueue(m, { kind: 'booking.provider_mail', key: `${row!.booking_id}:booking.provider_mail:requested:${sequence}`, payload: { bookingId: row!.booking_id, event: 'requested' } });
      } else {
        await enqueueBookingMail(m, { id: row!.booking_id!, seriesId: null }, 'confirmed', sequence);
      }
      await recordAudit(m, { actorId: actor.id, action: pending ? 'booking.requested' : 'booking.confirmed', subjectType: 'booking', subjectId: row!.booking_id!, data: { from: 'held', waitlistEntryId: entryId } });
      await enqueueBookingEvents(m, [row!.booking_id!], pending ? ['booking.created'] : ['booking.created', 'booking.confirmed']);
      return row!.booking_id!;
    });
    return { entry: presentWaitlistEntry(await ownEntry(this.db, actor, entryId)), booking: presentBooking((await loadBookingRow(this.db, bookingId))!) };
  }
}

/**
 * Offers not taken up in time lapse and free their slot, which goes on to the next in line
 * (a job in the same transaction). SKIP LOCKED keeps two workers from lapsing one offer twice.
 */
export async function lapseOffers(db: DataSource): Promise<number> {
  return db.transaction(async (m) => {
    const rows = rowsOf<{ id: string }>(
      await m.query(
        `WITH due AS (SELECT id FROM bookings WHERE status = 'held' AND expires_at <= now() ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED)
         UPDATE bookings b SET status = 'expired', sequence = sequence + 1, updated_at = now() FROM due WHERE b.id = due.id RETURNING b.id`,
      ),
    );
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    const lapsed = rowsOf<{ id: string }>(await m.query(`UPDATE waitlist_entries SET status = 'lapsed', updated_at = now() WHERE booking_id = ANY($1::uuid[]) AND status = 'offered' RETURNING id`, [ids]));
    for (const entry of lapsed) await recordAudit(m, { actorId: undefined, action: 'waitlist.lapsed', subjectType: 'waitlist_entry', subjectId: entry.id });
    await releaseSlots(m, ids);
    return ids.length;
  });
}
