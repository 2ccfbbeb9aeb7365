import type { DataSource } from 'typeorm';
import type { Booking, BookingList, BookingListQuery } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { canSeeBooking, isPlatformAdmin } from '../accounts/policy';
import { notFound } from '../http/errors';
import { BOOKING_BY_ID, BOOKING_SELECT, presentBooking, type BookingRow } from './bookings.presenter';
import { runPrepared } from '../db/prepared';

export async function loadBookingRow(db: DataSource, id: string): Promise<BookingRow | undefined> {
  const [row] = (await runPrepared(db, BOOKING_BY_ID, [id])) as BookingRow[];
  return row;
}

/** A booking the actor may see; for anyone else it does not exist. */
export async function visibleBookingRow(db: DataSource, actor: Actor, id: string): Promise<BookingRow> {
  const row = await loadBookingRow(db, id);
  if (!row || !canSeeBooking(actor, { bookerId: row.booker_id, spaceOrganization: { id: row.space_organization_id, kind: row.space_organization_kind }, organizationId: row.organization_id })) {
    throw notFound('Booking');
  }
  return row;
}

export class BookingQueries {
  constructor(private readonly db: DataSource) {}

  async get(actor: Actor, id: string): Promise<Booking> {
    return presentBooking(await visibleBookingRow(this.db, actor, id));
  }

  /** Mine, or the inbox of the spaces I manage (all spaces for the platform team). */
  async list(actor: Actor, query: BookingListQuery): Promise<BookingList> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (query.scope === 'mine') where.push(`b.booker_id = ${bind(actor.id)}`);
    else if (!isPlatformAdmin(actor)) {
      const managed = actor.memberships.filter((m) => m.organizationKind === 'municipality' || m.organizationKind === 'provider').map((m) => m.organizationId);
      where.push(`s.organization_id = ANY(${bind(managed)}::uuid[])`);
    }
    if (query.status) where.push(`b.status = ${bind(query.status)}`);
    // A waitlist offer is not a booking until it is accepted; it is listed with the waitlist.
    else where.push(`b.status <> 'held'`);
    if (query.spaceId) where.push(`b.space_id = ${bind(query.spaceId)}`);
    if (query.from) where.push(`upper(b.period) > ${bind(query.from)}::timestamptz`);
    if (query.to) where.push(`lower(b.period) < ${bind(query.to)}::timestamptz`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM bookings b JOIN spaces s ON s.id = b.space_id ${filter}`, params)) as [{ total: number }];
    const rows = (await this.db.query(
      `${BOOKING_SELECT} ${filter} ORDER BY lower(b.period), b.id LIMIT ${bind(query.pageSize)} OFFSET ${bind((query.page - 1) * query.pageSize)}`,
      params,
    )) as BookingRow[];
    return { items: rows.map(presentBooking), total, page: query.page, pageSize: query.pageSize };
  }
}
