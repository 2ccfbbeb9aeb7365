import type { AccessMode, BookingAccess } from '@landraeume/shared';
import { CODE_MODES } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { visibleBookingRow } from '../bookings/bookings.query';
import { notFound } from '../http/errors';

interface AccessRow {
  access_mode: AccessMode;
  access_instructions: string;
  key_place: string;
  code_lead_minutes: number;
  pickup_from: Date;
  return_by: Date;
  code: string | null;
  key_out_at: Date | null;
  key_back_at: Date | null;
}

/**
 * How the booker gets in. Only the booker of a confirmed booking learns it (for everyone else,
 * managers included, it does not exist: 404), and a code only inside its window: from the
 * space's lead time before the start until the end. Outside it the answer says when.
 */
export class BookingAccessService {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forBooker(actor: Actor, bookingId: string): Promise<BookingAccess> {
    const booking = await visibleBookingRow(this.db, actor, bookingId);
    if (booking.booker_id !== actor.id || booking.status !== 'confirmed') throw notFound('Booking');
    const [row] = (await this.db.query(
      `SELECT s.access_mode, s.access_instructions, s.key_place, s.code_lead_minutes,
              lower(b.period) - make_interval(hours => s.key_pickup_hours_before) AS pickup_from,
              upper(b.period) + make_interval(hours => s.key_return_hours_after) AS return_by,
              a.code, a.key_out_at, a.key_back_at
         FROM bookings b JOIN spaces s ON s.id = b.space_id LEFT JOIN booking_access a ON a.booking_id = b.id
        WHERE b.id = $1`,
      [bookingId],
    )) as [AccessRow];
    const local = (d: Date) => DateTime.fromJSDate(d).setZone(booking.zone).toISO({ suppressMilliseconds: true })!;
    return {
      bookingId,
      mode: row.access_mode,
      instructions: row.access_instructions,
      key:
        row.access_mode === 'key_handover'
          ? { place: row.key_place, pickupFrom: local(row.pickup_from), returnBy: local(row.return_by), outAt: row.key_out_at && local(row.key_out_at), backAt: row.key_back_at && local(row.key_back_at) }
          : null,
      code: CODE_MODES.includes(row.access_mode) ? this.code(row, booking.starts_at, booking.ends_at, local) : null,
    };
  }

  private code(row: AccessRow, start: Date, end: Date, local: (d: Date) => string): NonNullable<BookingAccess['code']> {
    const shownFrom = DateTime.fromJSDate(start).minus({ minutes: row.code_lead_minutes }).toJSDate();
    const now = this.now();
    const state = now < shownFrom ? 'not_yet' : now >= end ? 'over' : 'shown';
    return { state, value: state === 'shown' ? row.code : null, shownFrom: local(shownFrom), shownUntil: local(end) };
  }
}
