import type { KeyBoard, KeyBoardQuery, KeyHandover } from '@landraeume/shared';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canManageSpacesOf } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { visibleBookingRow } from '../bookings/bookings.query';
import { DomainError, notFound } from '../http/errors';
import { KEY_SELECT, presentKeyHandover, type KeyRow } from './key-board.presenter';

const BOARD_ZONE = 'Europe/Berlin';
const DEFAULT_BOARD_DAYS = 7;

/**
 * The key's way out and back, recorded by the staff of the organization that owns the space,
 * and their key board: keys to hand out in a window, keys out, keys overdue.
 */
export class KeyHandoverService {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async keyOut(actor: Actor, bookingId: string): Promise<KeyHandover> {
    await this.record(actor, bookingId, 'out');
    return this.item(bookingId);
  }

  async keyBack(actor: Actor, bookingId: string): Promise<KeyHandover> {
    await this.record(actor, bookingId, 'back');
    return this.item(bookingId);
  }

  async board(actor: Actor, organizationId: string, query: KeyBoardQuery): Promise<KeyBoard> {
    const [org] = (await this.db.query(`SELECT id, kind FROM organizations WHERE id = $1`, [organizationId])) as { id: string; kind: string }[];
    if (!org || !canManageSpacesOf(actor, org)) throw notFound('Organization');
    const { from, to } = this.window(query);
    const params: unknown[] = [organizationId, from.toISO(), to.toISO()];
    const spaceFilter = query.spaceId ? `AND s.id = $${params.push(query.spaceId)}` : '';
    // Keys still out show whatever the window, so an overdue key is never off the board.
    const rows = (await this.db.query(
      `${KEY_SELECT}
        WHERE s.organization_id = $1 ${spaceFilter}
          AND ((s.access_mode = 'key_handover' AND b.status = 'confirmed' AND b.period && tstzrange($2::timestamptz, $3::timestamptz))
               OR (a.key_out_at IS NOT NULL AND a.key_back_at IS NULL))
        ORDER BY lower(b.period), b.id
        LIMIT 500`,
      params,
    )) as KeyRow[];
    const now = this.now();
    return { from: from.toISO()!, to: to.toISO()!, items: rows.map((row) => presentKeyHandover(row, now)) };
  }

  private window(query: KeyBoardQuery): { from: DateTime; to: DateTime } {
    if (query.from && query.to) return { from: DateTime.fromISO(query.from, { setZone: true }), to: DateTime.fromISO(query.to, { setZone: true }) };
    const day = query.date ? DateTime.fromISO(query.date, { zone: BOARD_ZONE }) : DateTime.fromJSDate(this.now()).setZone(BOARD_ZONE).startOf('day');
    return { from: day, to: day.plus({ days: query.date ? 1 : DEFAULT_BOARD_DAYS }) };
  }

  private async record(actor: Actor, bookingId: string, step: 'out' | 'back'): Promise<void> {
    const row = await visibleBookingRow(this.db, actor, bookingId);
    if (!canManageSpacesOf(actor, { id: row.space_organization_id, kind: row.space_organization_kind })) {
      throw new DomainError('forbidden', 'Only the staff of the space’s organization hand out and take back keys');
    }
    await this.db.transaction(async (m) => {
      // One key step at a time per booking: a double click must not hand the key out twice.
      const [locked] = (await m.query(
        `SELECT b.status, s.access_mode, a.key_out_at, a.key_back_at
           FROM bookings b JOIN spaces s ON s.id = b.space_id LEFT JOIN booking_access a ON a.booking_id = b.id
          WHERE b.id = $1 FOR NO KEY UPDATE OF b`,
        [bookingId],
      )) as [{ status: string; access_mode: string; key_out_at: Date | null; key_back_at: Date | null }];
      if (step === 'out') {
        if (locked.access_mode !== 'key_handover') throw new DomainError('no_key_handover', 'This space is not opened with a handed-over key', { accessMode: locked.access_mode });
        if (locked.key_out_at) throw new DomainError('key_already_out', 'The key for this booking has already been handed out', { outAt: locked.key_out_at.toISOString() });
        if (locked.status !== 'confirmed') throw new DomainError('invalid_transition', 'Keys are handed out for confirmed bookings only', { status: locked.status });
        await m.query(
          `INSERT INTO booking_access (booking_id, key_out_at, key_out_by) VALUES ($1, $2, $3)
           ON CONFLICT (booking_id) DO UPDATE SET key_out_at = EXCLUDED.key_out_at, key_out_by = EXCLUDED.key_out_by, updated_at = now()`,
          [bookingId, this.now(), actor.id],
        );
        // Whoever fetched the key has come: that is a check-in, so no-show release leaves the booking alone.
        await m.query(`UPDATE bookings SET checked_in_at = coalesce(checked_in_at, $2) WHERE id = $1`, [bookingId, this.now()]);
      } else {
        // A key that went out comes back even if the booking was cancelled meanwhile.
        if (!locked.key_out_at) throw new DomainError('key_not_out', 'The key for this booking has not been handed out');
        if (locked.key_back_at) throw new DomainError('key_already_returned', 'The key for this booking is already back', { backAt: locked.key_back_at.toISOString() });
        await m.query(`UPDATE booking_access SET key_back_at = $2, key_back_by = $3, updated_at = now() WHERE booking_id = $1`, [bookingId, this.now(), actor.id]);
      }
      await recordAudit(m, { actorId: actor.id, action: step === 'out' ? 'booking.key_out' : 'booking.key_back', subjectType: 'booking', subjectId: bookingId });
    });
  }

  private async item(bookingId: string): Promise<KeyHandover> {
    const [row] = (await this.db.query(`${KEY_SELECT} WHERE b.id = $1`, [bookingId])) as KeyRow[];
    return presentKeyHandover(row!, this.now());
  }
}
