import { DateTime } from 'luxon';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Booking, Occurrence, SeriesCreated, SeriesCreateInput, SeriesPreviewInput } from '@landraeume/shared';
import type { Actor } from '../../accounts/actor';
import { canDecideBookingsOf } from '../../accounts/policy';
import { freeResourcesFor } from '../../availability/availability';
import { recordAudit } from '../../audit/audit';
import { rowsOf } from '../../db/rows';
import { DomainError, notFound } from '../../http/errors';
import { loadClaims } from '../../spaces/space-calendar.repository';
import { checkBookingRules } from '../booking-rules';
import { leafUnitsOf, loadBookableSpace, requireBookable, resourceRequired, type BookableSpace } from '../booking-space.repository';
import { insertBooking, unlessTaken } from '../booking-writer';
import { enqueueSeriesMail } from '../booking-mail-jobs';
import { enqueueBookingEvents } from '../../webhooks/webhook-events';
import { BOOKING_SELECT, presentBooking, type BookingRow } from '../bookings.presenter';
import { priceOf } from '../pricing';
import { expandSeries, type OccurrenceTime } from './recurrence';
import { UNCOUNTED, type BookingCounter } from '../../metrics/booking-counter';
import { releaseSlots } from '../release-slots';
import { SpaceCatalog } from '../../spaces/space-catalog';

const CLOSED_CODES = new Set(['outside_opening_hours', 'space_closed']);

interface Plan {
  space: BookableSpace;
  resourceId: string;
  occurrences: (OccurrenceTime & { status: Occurrence['status']; code?: string })[];
}

const describe = (o: Plan['occurrences'][number]): Occurrence => ({
  start: o.start.toISO({ suppressMilliseconds: true })!,
  end: o.end.toISO({ suppressMilliseconds: true })!,
  status: o.status,
  ...(o.code ? { code: o.code } : {}),
});

/** Weekly series for clubs: a preview per occurrence, then all-or-nothing or skip-what-is-taken. */
export class SeriesService {
  constructor(
    private readonly db: DataSource,
    private readonly pendingExpiryHours: number,
    private readonly now: () => DateTime = () => DateTime.now(),
    private readonly counter: BookingCounter = UNCOUNTED,
    private readonly catalog: SpaceCatalog = new SpaceCatalog(),
  ) {}

  async preview(actor: Actor, input: SeriesPreviewInput): Promise<{ occurrences: Occurrence[] }> {
    const plan = await this.plan(this.db, actor, input);
    return { occurrences: plan.occurrences.map(describe) };
  }

  async create(actor: Actor, input: SeriesCreateInput): Promise<SeriesCreated> {
    const result = await this.db.transaction(async (m): Promise<SeriesCreated> => {
      const qr = m.queryRunner!;
      const plan = await this.plan(qr, actor, input);
      const blocked = plan.occurrences.filter((o) => o.status === 'closed' || o.status === 'unavailable');
      if (input.onConflict === 'fail' && blocked.length) {
        throw new DomainError(blocked[0]!.code as 'space_closed', 'Some dates of the series cannot be booked', { occurrences: plan.occurrences.map(describe) });
      }
      const first = plan.occurrences[0]!;
      const [series] = (await qr.query(
        `INSERT INTO booking_series (space_id, resource_id, booker_id, organization_id, rrule, first_start, first_end, exdates, purpose)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date[], $9) RETURNING id`,
        [plan.space.id, plan.resourceId, actor.id, input.organizationId ?? null, input.rrule.replace(/^RRULE:/, ''), first.start.toISO(), first.end.toISO(), input.exdates, input.purpose ?? ''],
      )) as [{ id: string }];
      const forClub = actor.memberships.some((mb) => mb.organizationId === input.organizationId && mb.organizationKind === 'club');
      const created: BookingRow[] = [];
      const skipped: Occurrence[] = [];
      for (const occurrence of plan.occurrences) {
        if (occurrence.status === 'closed' || occurrence.status === 'unavailable') {
          skipped.push(describe(occurrence));
          continue;
        }
        const period = { start: occurrence.start, end: occurrence.end, wholeDay: false };
        // The space was read in this transaction just now, so there is no older calendar to check against.
        const row = await unlessTaken(qr, () =>
          insertBooking(
            qr,
            {
              actorId: actor.id, spaceId: plan.space.id, resourceId: plan.resourceId, units: leafUnitsOf(plan.space.resources, plan.resourceId), period,
              pending: plan.space.approval === 'required', pendingExpiryHours: this.pendingExpiryHours, purpose: input.purpose ?? '', attendees: input.attendees ?? null,
              organizationId: input.organizationId ?? null, priceCents: priceOf(plan.space.prices, period, forClub), seriesId: series.id, notify: false,
            },
            { calendarVersion: null, alone: false },
          ),
        );
        if (row) created.push(row);
        else if (input.onConflict === 'fail') {
          throw new DomainError('booking_conflict', 'Some dates of the series are already booked', { occurrences: plan.occurrences.map(describe), conflict: describe({ ...occurrence, status: 'conflict' }) });
        } else skipped.push(describe({ ...occurrence, status: 'conflict' }));
      }
      if (!created.length) throw new DomainError('booking_conflict', 'No date of the series is free', { skipped });
      await enqueueSeriesMail(m, series.id, 'created', 'initial');
      await recordAudit(m, { actorId: actor.id, action: 'series.created', subjectType: 'series', subjectId: series.id, data: { created: created.length, skipped: skipped.length } });
      return {
        series: { id: series.id, rrule: input.rrule.replace(/^RRULE:/, ''), exdates: input.exdates, spaceId: plan.space.id, resourceId: plan.resourceId },
        created: created.map(presentBooking),
        skipped,
      };
    });
    this.counter.created('series', result.created.length);
    return result;
  }

  /** Cancels the series' bookings from `from` (default: now) on; the booker or the space's admins. */
  async cancelRest(actor: Actor, seriesId: string, from: string | undefined, reason: string | undefined): Promise<{ cancelled: Booking[] }> {
    const result = await this.db.transaction(async (m) => {
      const [series] = (await m.query(
        `SELECT bs.id, bs.booker_id, s.organization_id, o.kind FROM booking_series bs JOIN spaces s ON s.id = bs.space_id JOIN organizations o ON o.id = s.organization_id WHERE bs.id = $1`,
        [seriesId],
      )) as { id: string; booker_id: string | null; organization_id: string; kind: string }[];
      const decider = series && canDecideBookingsOf(actor, { id: series.organization_id, kind: series.kind });
      if (!series || (series.booker_id !== actor.id && !decider)) throw notFound('Series');
      if (series.booker_id !== actor.id && !reason) throw new DomainError('invalid_input', 'Please give a reason for the booker', { issues: [{ path: 'reason', message: 'reason.required' }] });
      const cutoff = from ?? this.now().toISO()!;
      const ended = rowsOf<{ id: string; sequence: number }>(await m.query(
        `UPDATE bookings SET status = 'cancelled', decision_reason = coalesce($3, decision_reason), sequence = sequence + 1, updated_at = now()
          WHERE series_id = $1 AND status IN ('pending', 'confirmed') AND lower(period) >= $2::timestamptz RETURNING id, sequence`,
        [seriesId, cutoff, reason ?? null],
      ));
      const ids = ended.map((r) => r.id);
      if (ended.length) await enqueueSeriesMail(m, seriesId, 'updated', `rest:${cutoff}`);
      await enqueueBookingEvents(m, ids, ['booking.cancelled']);
      await releaseSlots(m, ids);
      await recordAudit(m, { actorId: actor.id, action: 'series.cancelled', subjectType: 'series', subjectId: seriesId, data: { from: cutoff, bookings: ids.length, reason } });
      const rows = (await m.query(`${BOOKING_SELECT} WHERE b.id = ANY($1::uuid[]) ORDER BY lower(b.period)`, [ids])) as BookingRow[];
      return { cancelled: rows.map(presentBooking) };
    });
    this.counter.cancelled('series', result.cancelled.length);
    return result;
  }

  private async plan(db: DataSource | QueryRunner, actor: Actor, input: SeriesPreviewInput): Promise<Plan> {
    if (input.organizationId && !actor.memberships.some((m) => m.organizationId === input.organizationId)) {
      throw new DomainError('not_a_member', 'You can only book for organizations you belong to');
    }
    const start = DateTime.fromISO(input.start, { setZone: true });
    const end = DateTime.fromISO(input.end, { setZone: true });
    const probe = await loadBookableSpace(db, this.catalog, input.spaceId, { from: start, to: start }, true);
    const times = expandSeries({ rrule: input.rrule, start, end, zone: probe.rules.zone, exdates: input.exdates });
    if (!times.length) throw new DomainError('invalid_input', 'The series has no dates', { issues: [{ path: 'rrule', message: 'rrule.invalid' }] });
    const space = await loadBookableSpace(db, this.catalog, input.spaceId, { from: times[0]!.start, to: times.at(-1)!.end }, true);
    const resourceId = this.resourceOf(space, input.resourceId);
    const claims = await loadClaims(db, space.id, times[0]!.start.toISO()!, times.at(-1)!.end.toISO()!);
    const resource = space.resources.find((r) => r.id === resourceId)!;
    const now = this.now();
    const occurrences = times.map((time) => {
      try {
        checkBookingRules({ calendar: space.calendar, rules: space.rules, resourceId, resourceCapacity: resource.capacity, period: { ...time, wholeDay: false }, attendees: input.attendees, now });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { ...time, status: CLOSED_CODES.has(error.code) ? ('closed' as const) : ('unavailable' as const), code: error.code };
      }
      const free = freeResourcesFor({ ...space.calendar, claims }, time.start, time.end).includes(resourceId);
      return { ...time, status: free ? ('free' as const) : ('conflict' as const) };
    });
    return { space, resourceId, occurrences };
  }

  private resourceOf(space: BookableSpace, resourceId: string | undefined): string {
    if (resourceId) return requireBookable(space, resourceId);
    const rooms = space.resources.filter((r) => r.parentId === null && r.active);
    if (rooms.length === 1) return rooms[0]!.id;
    throw resourceRequired();
  }
}
