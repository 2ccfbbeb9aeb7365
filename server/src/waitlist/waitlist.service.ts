import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { WaitlistEntry } from '@landraeume/shared';
import { waitlistJoinSchema } from '@landraeume/shared';
import type { z } from 'zod';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/audit';
import { freeResourcesFor } from '../availability/availability';
import { checkBookingRules } from '../bookings/booking-rules';
import { bookingCandidates, loadBookableSpace } from '../bookings/booking-space.repository';
import { rowsOf } from '../db/rows';
import { DomainError, notFound } from '../http/errors';
import { loadClaims } from '../spaces/space-calendar.repository';
import { presentWaitlistEntry, WAITLIST_SELECT, type WaitlistRow } from './waitlist.presenter';
import { releaseSlots } from '../bookings/release-slots';
import { SpaceCatalog } from '../spaces/space-catalog';
import { lockWaitlist } from './waitlist-hooks';

type Join = z.output<typeof waitlistJoinSchema>;

/** Joining, listing and leaving waitlists; offers and their acceptance live in waitlist-offers. */
export class WaitlistService {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => DateTime = () => DateTime.now(),
    private readonly catalog: SpaceCatalog = new SpaceCatalog(),
  ) {}

  /** Only for a slot that is bookable by the rules but taken now: waiting for a free one makes no sense. */
  async join(actor: Actor, input: Join): Promise<WaitlistEntry> {
    const start = DateTime.fromISO(input.start, { setZone: true });
    const end = DateTime.fromISO(input.end, { setZone: true });
    const space = await loadBookableSpace(this.db, this.catalog, input.spaceId, { from: start, to: end });
    const candidates = bookingCandidates(space, input.resourceId);
    const first = space.resources.find((r) => r.id === candidates[0])!;
    checkBookingRules({ calendar: space.calendar, rules: space.rules, resourceId: first.id, resourceCapacity: first.kind === 'desk' ? null : first.capacity, period: { start, end, wholeDay: false }, attendees: undefined, now: this.now() });
    const id = await this.db.transaction(async (m) => {
      const inserted = rowsOf<{ id: string }>(
        await m.query(
          `INSERT INTO waitlist_entries (user_id, space_id, resource_id, period, auto_book) VALUES ($1, $2, $3, tstzrange($4::timestamptz, $5::timestamptz), $6)
           ON CONFLICT DO NOTHING RETURNING id`,
          [actor.id, space.id, input.resourceId ?? null, start.toISO(), end.toISO(), input.autoBook],
        ),
      );
      // Only under the lock: a slot freed meanwhile is seen here, or its release sees this entry.
      await lockWaitlist(m, space.id);
      const claims = await loadClaims(m, space.id, start.toISO()!, end.toISO()!);
      const free = new Set(freeResourcesFor({ ...space.calendar, claims }, start, end));
      if (candidates.some((unit) => free.has(unit))) throw new DomainError('waitlist_slot_free', 'This time is free: book it instead of waiting', { spaceId: space.id });
      if (!inserted[0]) throw new DomainError('conflict', 'You are already on the waitlist for this time');
      await recordAudit(m, { actorId: actor.id, action: 'waitlist.joined', subjectType: 'waitlist_entry', subjectId: inserted[0].id, data: { spaceId: space.id, autoBook: input.autoBook } });
      return inserted[0].id;
    });
    return this.get(actor, id);
  }

  /** Current and recent entries: those for times not yet over. */
  async mine(actor: Actor): Promise<{ items: WaitlistEntry[] }> {
    const rows = (await this.db.query(`${WAITLIST_SELECT} WHERE w.user_id = $1 AND upper(w.period) > now() ORDER BY lower(w.period), w.created_at LIMIT 100`, [actor.id])) as WaitlistRow[];
    return { items: rows.map(presentWaitlistEntry) };
  }

  async get(actor: Actor, id: string): Promise<WaitlistEntry> {
    return presentWaitlistEntry(await ownEntry(this.db, actor, id));
  }

  /** Leaving the line; an offer given back frees its slot for the next one at once. */
  async leave(actor: Actor, id: string): Promise<void> {
    await ownEntry(this.db, actor, id);
    await this.db.transaction(async (m) => {
      const [entry] = rowsOf<{ status: string; booking_id: string | null }>(await m.query(`SELECT status, booking_id FROM waitlist_entries WHERE id = $1 FOR UPDATE`, [id]));
      if (entry!.status !== 'waiting' && entry!.status !== 'offered') throw new DomainError('invalid_transition', `A ${entry!.status} waitlist entry cannot be withdrawn`, { status: entry!.status });
      await m.query(`UPDATE waitlist_entries SET status = 'withdrawn', updated_at = now() WHERE id = $1`, [id]);
      if (entry!.status === 'offered' && entry!.booking_id) {
        const released = rowsOf<{ id: string }>(
          await m.query(`UPDATE bookings SET status = 'expired', sequence = sequence + 1, updated_at = now() WHERE id = $1 AND status = 'held' RETURNING id`, [entry!.booking_id]),
        );
        if (released.length) {
          await releaseSlots(m, [entry!.booking_id]);
        }
      }
      await recordAudit(m, { actorId: actor.id, action: 'waitlist.withdrawn', subjectType: 'waitlist_entry', subjectId: id });
    });
  }
}

/** Someone else's entry does not exist for the actor. */
export async function ownEntry(db: DataSource, actor: Actor, id: string): Promise<WaitlistRow> {
  const [row] = (await db.query(`${WAITLIST_SELECT} WHERE w.id = $1`, [id])) as WaitlistRow[];
  if (!row || row.user_id !== actor.id) throw notFound('Waitlist entry');
  return row;
}
