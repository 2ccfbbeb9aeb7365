import type { DateTime } from 'luxon';

/**
 * A point in time: a luxon DateTime, an ISO 8601 string with an explicit offset or `Z`, or
 * whole epoch milliseconds (what a cache of claims holds: no text to parse per request).
 */
export type Instant = DateTime | string | number;

export type SlotMinutes = 15 | 30 | 60;

/** ISO weekday, Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * One weekly opening interval in the space's local time. `opens` < `closes`, both 'HH:MM';
 * `closes` may be '24:00'. Openings across midnight are given as two intervals
 * (22:00–24:00 and 00:00–02:00 on the next weekday); the engine joins them.
 */
export interface OpeningInterval {
  weekday: IsoWeekday;
  opens: string;
  closes: string;
}

/** Closed on the local dates startsOn … endsOn, both inclusive; `resourceId` null = whole space. */
export interface Closure {
  startsOn: string;
  endsOn: string;
  resourceId: string | null;
}

export type ResourceKind = 'desk' | 'room' | 'part';

/** `parentId` points at the composite a part belongs to; parts may themselves have parts. */
export interface AvailabilityResource {
  id: string;
  kind: ResourceKind;
  parentId: string | null;
  active: boolean;
}

/** A busy period [start, end) of one leaf unit (booking plus buffers). No personal data. */
export interface Claim {
  unitId: string;
  start: Instant;
  end: Instant;
}

/** Everything about a space that availability depends on, independent of the window asked for. */
export interface AvailabilityContext {
  /** IANA zone of the space, e.g. 'Europe/Berlin'. */
  zone: string;
  openingHours: readonly OpeningInterval[];
  closures: readonly Closure[];
  /** Local dates 'YYYY-MM-DD' on which the whole space is closed. */
  holidays: readonly string[];
  resources: readonly AvailabilityResource[];
  claims: readonly Claim[];
}

export interface AvailabilityInput extends AvailabilityContext {
  slotMinutes: SlotMinutes;
  /** Half-open [from, to). */
  window: { from: Instant; to: Instant };
}

/** ISO 8601 with the local offset, e.g. '2026-03-29T08:00:00+02:00'. Half-open [start, end). */
export interface IsoInterval {
  start: string;
  end: string;
}

export interface ResourceAvailability {
  resourceId: string;
  /** Bookable time: sorted, merged, clipped to the window, disjoint from `busy`. */
  free: IsoInterval[];
  /** Claimed time of any leaf unit, clipped to the window, shown even outside opening hours. */
  busy: IsoInterval[];
}

export interface Slot extends IsoInterval {
  /** Active desk resources free for the whole slot. */
  freeDesks: number;
  /**
   * Leaf units (of any kind) free for the whole slot: a desk or an undivided room counts once,
   * a hall divided into thirds counts its free thirds. Room spaces read this instead of freeDesks.
   */
  freeUnits: number;
}

export interface DaySummary {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  /** Whether the space has any open time on this date within the window. */
  open: boolean;
  /** Active top-level resources free for all of this date's open time in the window; 0 when closed. */
  wholeDayFree: number;
}

export interface AvailabilityResult {
  /** One entry per input resource, in input order, composites and parts included. */
  resources: ResourceAvailability[];
  slots: Slot[];
  days: DaySummary[];
}
