import { DateTime } from 'luxon';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Booking, BookingCreate } from '@landraeume/shared';
import type { Actor } from '../accounts/actor';
import { dayWindow, freeResourcesFor } from '../availability/availability';
import { chargeContract } from '../contracts/contract-booking.service';
import { recordRefusedDemand, requestedWindow, type RefusedDemand } from '../demand/demand-log';
import { DomainError } from '../http/errors';
import { loadClaims } from '../spaces/space-calendar.repository';
import { checkBookingRules, wholeDayPeriod, type RequestedPeriod } from './booking-rules';
import { bookingCandidates, leafUnitsOf, loadBookableSpace, localDay, type BookableSpace } from './booking-space.repository';
import { presentBooking } from './bookings.presenter';
import { CalendarChanged, insertBooking, isOverlap, NeedsTransaction, unlessTaken } from './booking-writer';
import { claimKey, requestHash, storeAnswer } from './idempotency';
import { priceOf } from './pricing';
import { UNCOUNTED, type BookingCounter } from '../metrics/booking-counter';
import { withConnection } from '../db/pool';
import type { Queryable } from '../db/queryable';
import { SpaceCatalog } from '../spaces/space-catalog';

export interface CreateResult {
  status: number;
  body: unknown;
}

interface Attempt {
  resourceId: string;
  units: string[];
  period: RequestedPeriod;
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

type UnmetDemand = RefusedDemand['reason'];

const unlessOverlap = (error: unknown): undefined => {
  if (isOverlap(error)) return undefined;
  throw error;
};

/** How the waitlist books on someone's behalf: held as an offer, and tied to the entry in the same transaction. */
export interface OnBehalf {
  holdMinutes?: number;
  /** Runs after the booking is written, before commit; throwing undoes the booking. */
  onBooked(qr: QueryRunner, bookingId: string): Promise<void>;
}

/** A calendar that changes between the rules and the insert is read again; more than this in a row is not chance. */
const CALENDAR_ATTEMPTS = 3;

const isRefusal = (error: unknown): error is DomainError & { code: UnmetDemand } =>
  error instanceof DomainError && (error.code === 'booking_conflict' || error.code === 'quota_exceeded');

/** Where a booking is written: alone (each insert its own statement) or in a transaction. */
interface Writer {
  db: Queryable;
  /** The transaction, for what must commit together with the booking (contracts, idempotency, waitlist). */
  qr?: QueryRunner;
}

export class BookingCreateService {
  constructor(
    private readonly db: DataSource,
    private readonly pendingExpiryHours: number,
    private readonly now: () => DateTime = () => DateTime.now(),
    private readonly counter: BookingCounter = UNCOUNTED,
    private readonly catalog: SpaceCatalog = new SpaceCatalog(),
  ) {}

  /**
   * Creates a booking. Overlaps are left to the exclusion constraint: each candidate is inserted
   * on its own (in a savepoint inside a transaction), and a 23P01 moves on to the next free desk
   * or ends in 409. The rules are checked against the space's calendar as the catalog holds it;
   * the insert refuses when that is no longer current, and then it is all done again.
   */
  async create(actor: Actor, input: BookingCreate, idempotencyKey?: string, onBehalf?: OnBehalf): Promise<CreateResult> {
    let refusal: UnmetDemand | undefined;
    // The waitlist trying a slot again is not new demand.
    const onRefusal = (code: UnmetDemand) => (refusal = onBehalf ? undefined : code);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.createOnce(actor, input, idempotencyKey, onRefusal, onBehalf, attempt > 1);
        } catch (error) {
          if (!(error instanceof CalendarChanged)) throw error;
          if (attempt >= CALENDAR_ATTEMPTS) throw new DomainError('conflict', 'The space is being changed right now; please try again');
        }
      }
    } finally {
      // Counted after the transaction ended, whose rollback would otherwise take the row along.
      const window = requestedWindow(input);
      if (refusal && window) await recordRefusedDemand(this.db, { reason: refusal, spaceId: input.spaceId, window });
    }
  }

  private async createOnce(actor: Actor, input: BookingCreate, idempotencyKey: string | undefined, onRefusal: (reason: UnmetDemand) => void, onBehalf: OnBehalf | undefined, fresh: boolean): Promise<CreateResult> {
    // Most bookings are one insert that stands alone: no BEGIN and COMMIT, two round trips fewer.
    if (!idempotencyKey && !input.contractId && !onBehalf) {
      try {
        return this.created(await withConnection(this.db, (db) => this.bookCounted({ db }, actor, input, { fresh, answerIsKept: false }, onRefusal)));
      } catch (error) {
        if (!(error instanceof NeedsTransaction)) throw error;
      }
    }
    const qr = this.db.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      if (idempotencyKey) {
        const claimed = await claimKey(qr, actor.id, idempotencyKey, requestHash(input));
        if (claimed.kind === 'replay') {
          await qr.commitTransaction();
          return { status: claimed.status, body: claimed.response };
        }
      }
      let result: CreateResult;
      try {
        result = { status: 201, body: await this.bookCounted({ db: qr, qr }, actor, input, { fresh, answerIsKept: Boolean(idempotencyKey), onBehalf }, onRefusal) };
      } catch (error) {
        // Refusals leave nothing behind (failed inserts roll back to their own savepoint), so
        // the transaction can still store the answer for the key.
        if (!(error instanceof DomainError) || !idempotencyKey) throw error;
        result = { status: error.status, body: { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } } };
      }
      if (idempotencyKey) await storeAnswer(qr, actor.id, idempotencyKey, result.status, result.body);
      await qr.commitTransaction();
      return onBehalf?.holdMinutes || result.status !== 201 ? result : this.created(result.body as Booking);
    } catch (error) {
      // A lost connection has ended the transaction already: its rollback fails and would hide why.
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await qr.release();
    }
  }

  private created(booking: Booking): CreateResult {
    this.counter.created(booking.status === 'pending' ? 'request' : 'instant');
    return { status: 201, body: booking };
  }

  /** Taken slots and spent quotas are demand the district could not meet (reports/). */
  private async bookCounted(writer: Writer, actor: Actor, input: BookingCreate, options: BookOptions, onRefusal: (reason: UnmetDemand) => void): Promise<Booking> {
    try {
      return await this.book(writer, actor, input, options);
    } catch (error) {
      if (isRefusal(error)) onRefusal(error.code);
      throw error;
    }
  }

  private async book({ db, qr }: Writer, actor: Actor, input: BookingCreate, { fresh, answerIsKept, onBehalf }: BookOptions): Promise<Booking> {
    const now = this.now();
    // Parsed once: "any desk" asks for the period of every desk.
    const asked: RequestedPeriod | undefined = input.date
      ? undefined
      : { start: DateTime.fromISO(input.start!, { setZone: true }), end: DateTime.fromISO(input.end!, { setZone: true }), wholeDay: false };
    const around = input.date ? dayWindow(input.date, 'Europe/Berlin') : { from: input.start!, to: input.end! };
    const space = await loadBookableSpace(db, this.catalog, input.spaceId, around, fresh);
    const organization = input.organizationId ? actor.memberships.find((m) => m.organizationId === input.organizationId) : undefined;
    if (input.organizationId && !organization) throw new DomainError('not_a_member', 'You can only book for organizations you belong to');

    const candidates = bookingCandidates(space, input.resourceId);
    const periodFor = (resourceId: string): RequestedPeriod =>
      asked ?? wholeDayPeriod(space.calendar, space.rules, resourceId, localDay(input.date!, space.rules.zone).toISODate()!);
    // The rules are the space's, so the first candidate checks them for all; but for "any desk"
    // a desk closed on its own (maintenance) is passed over rather than refusing the space.
    const attempts: Attempt[] = [];
    let closed: unknown;
    for (const resourceId of candidates) {
      try {
        const period = periodFor(resourceId);
        if (!attempts.length) {
          const resource = space.resources.find((r) => r.id === resourceId)!;
          checkBookingRules({ calendar: space.calendar, rules: space.rules, resourceId, resourceCapacity: resource.kind === 'desk' ? null : resource.capacity, period, attendees: input.attendees, now });
        }
        attempts.push({ resourceId, units: leafUnitsOf(space.resources, resourceId), period });
      } catch (error) {
        if (input.resourceId || !(error instanceof DomainError) || error.code !== 'space_closed') throw error;
        closed ??= error;
      }
    }
    if (!attempts.length) throw closed;
    // Before any desk is locked: the contract's lock comes first (see chargeContract).
    const charge = input.contractId && qr ? await chargeContract(qr, actor, input.contractId, space, attempts[0]!.period) : undefined;

    const open = input.resourceId ? attempts : await this.freeFirst(db, space, attempts);
    for (const attempt of open) {
      const write = () =>
        insertBooking(
          db,
          {
            actorId: actor.id,
            spaceId: space.id,
            resourceId: attempt.resourceId,
            units: attempt.units,
            period: attempt.period,
            pending: space.approval === 'required',
            pendingExpiryHours: this.pendingExpiryHours,
            purpose: input.purpose ?? '',
            attendees: input.attendees ?? null,
            organizationId: charge?.employerId ?? input.organizationId ?? null,
            priceCents: charge?.priceCents ?? priceOf(space.prices, attempt.period, organization?.organizationKind === 'club'),
            ...(charge ? { contractId: charge.contractId } : {}),
            notify: true,
            ...(onBehalf?.holdMinutes ? { holdMinutes: onBehalf.holdMinutes } : {}),
          },
          { calendarVersion: space.version, alone: !qr },
        );
      // A savepoint only where a transaction goes on after a refusal: to the next desk of "any
      // desk", or to store the answer for an idempotency key. A lone attempt's conflict ends the
      // request and its transaction anyway, so it saves the round trip.
      const row = qr && (open.length > 1 || answerIsKept) ? await unlessTaken(qr, write) : await write().catch(unlessOverlap);
      if (!row) continue;
      if (qr) {
        await charge?.afterBooking(qr);
        await onBehalf?.onBooked(qr, row.id);
      }
      return presentBooking(row);
    }
    throw new DomainError('booking_conflict', 'This time has just been booked by someone else', { spaceId: space.id });
  }

  /** For "any desk": desks free right now first, in random order so parallel requests spread out. */
  private async freeFirst(db: Queryable, space: BookableSpace, attempts: Attempt[]): Promise<Attempt[]> {
    const { start, end } = attempts[0]!.period;
    const claims = await loadClaims(db, space.id, start.toISO()!, end.toISO()!);
    const free = new Set(freeResourcesFor({ ...space.calendar, claims }, start, end));
    const open = attempts.filter((a) => free.has(a.resourceId));
    if (!open.length) throw new DomainError('booking_conflict', 'No desk is free at this time', { spaceId: space.id });
    return shuffled(open);
  }
}

interface BookOptions {
  /** Read the space anew rather than from the catalog: its calendar changed since the catalog saw it. */
  fresh: boolean;
  answerIsKept: boolean;
  onBehalf?: OnBehalf;
}
