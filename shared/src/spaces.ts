import { z } from 'zod';
import { MUNICIPALITY_NAMES } from './municipalities';
import { line } from './text';

export const SPACE_KINDS = ['coworking', 'meeting_room', 'event_room', 'sports_hall', 'workshop', 'other'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** A fixed set, so that search filters and translations stay in step with the data. */
export const AMENITIES = [
  'wifi',
  'projector',
  'screen',
  'whiteboard',
  'kitchen',
  'coffee',
  'step_free',
  'accessible_toilet',
  'parking',
  'bike_parking',
  'ev_charging',
  'stage',
  'sound_system',
  'piano',
  'changing_rooms',
  'showers',
  'sports_equipment',
  'printer',
  'phone_booth',
  'lockers',
  'garden',
] as const;
export type Amenity = (typeof AMENITIES)[number];

export const RESOURCE_FEATURES = ['monitor', 'standing_desk', 'docking_station', 'window_seat', 'quiet_zone'] as const;
export type ResourceFeature = (typeof RESOURCE_FEATURES)[number];

export const spaceKindSchema = z.enum(SPACE_KINDS);
export const municipalitySchema = z.enum(MUNICIPALITY_NAMES);

const pageSchema = z.coerce.number().int().min(1).max(10_000).default(1);

/**
 * An instant with an explicit offset: '2026-03-29T09:00:00+02:00' or '…Z'. Local times alone are
 * ambiguous; zod's check already refuses dates that do not exist (2026-02-30, 24:00).
 */
export const instantSchema = z.iso.datetime({ offset: true, error: 'datetime.invalid' });

/** A calendar date that exists: '2026-02-30' is refused, not rolled over. */
export const localDateSchema = z.iso.date({ error: 'date.invalid' });

/** Query strings carry lists as `a,b` or as repeated keys; both arrive here. */
const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(AMENITIES.length));

const nearSchema = z
  .string()
  .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, { error: 'near.invalid' })
  .transform((value) => {
    const [lat, lon] = value.split(',').map(Number) as [number, number];
    return { lat, lon };
  })
  .refine(({ lat, lon }) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180, { error: 'near.invalid' });

export const SEARCH_MAX_WINDOW_DAYS = 31;
export const AVAILABILITY_MAX_WINDOW_DAYS = 62;

const DAY_MS = 86_400_000;

// Every instant instantSchema lets through is in ECMAScript's own format, which Date.parse reads
// exactly; a window's length in days is a length of time, whatever the clocks do.
const windowWithin = (maxDays: number) => (window: { from?: string; to?: string }) => {
  if (!window.from || !window.to) return true;
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  return from < to && to - from <= maxDays * DAY_MS;
};

export const spaceListQuerySchema = z
  .object({
    kind: spaceKindSchema.optional(),
    municipality: municipalitySchema.optional(),
    q: line(100).optional(),
    /** A whole local day in Europe/Berlin; shorthand for from/to. */
    date: localDateSchema.optional(),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    near: nearSchema.optional(),
    /** A postcode of the district stands for its town centre. */
    postcode: z.string().regex(/^[0-9]{5}$/, { error: 'postcode.invalid' }).optional(),
    radiusKm: z.coerce.number().min(0.1).max(200).optional(),
    minCapacity: z.coerce.number().int().min(1).max(10_000).optional(),
    amenities: listParam(z.enum(AMENITIES)).optional(),
    page: pageSchema,
    pageSize: z.coerce.number().int().min(1).max(100).default(24),
  })
  .strict()
  .refine((query) => !query.from === !query.to, { error: 'window.incomplete', path: ['to'] })
  .refine((query) => !(query.date && query.from), { error: 'window.date_or_range', path: ['date'] })
  .refine(windowWithin(SEARCH_MAX_WINDOW_DAYS), { error: 'window.invalid', path: ['to'] })
  .refine((query) => !(query.near && query.postcode), { error: 'near.postcode_or_near', path: ['postcode'] });
export type SpaceListQuery = z.infer<typeof spaceListQuerySchema>;

export const spaceSummarySchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  kind: spaceKindSchema,
  municipality: municipalitySchema,
  address: z.object({ street: z.string(), postcode: z.string(), town: z.string() }),
  location: z.object({ lat: z.number(), lon: z.number() }),
  capacity: z.number().int(),
  deskCount: z.number().int(),
  amenities: z.array(z.enum(AMENITIES)),
  photos: z.array(z.string()),
  approval: z.enum(['instant', 'required']),
  prices: z.object({
    perHourCents: z.number().int().nullable(),
    perDayCents: z.number().int().nullable(),
    clubPerHourCents: z.number().int().nullable(),
  }),
  provider: z.object({ id: z.string().uuid(), name: z.string() }),
  /** Kilometres from `near` or the postcode's centre; null without either. */
  distanceKm: z.number().nullable(),
  /** With a window: desks (coworking) or bookable units free for all of its open time; else null. */
  freeUnits: z.number().int().nullable(),
});
export type SpaceSummary = z.infer<typeof spaceSummarySchema>;

export const spaceListSchema = z.object({
  items: z.array(spaceSummarySchema),
  /**
   * How many spaces match in all. With a window it is null when the search stopped once the
   * page was full (deciding free units for every candidate is the expensive part); `hasMore`
   * then says whether another page follows.
   */
  total: z.number().int().nullable(),
  hasMore: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SpaceList = z.infer<typeof spaceListSchema>;

export const spaceRefParamsSchema = z.object({ idOrSlug: z.string().regex(/^[a-z0-9-]{1,200}$/, { error: 'space.invalid_reference' }) }).strict();
export const spaceIdParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9-]{1,200}$/, { error: 'space.invalid_reference' }) }).strict();

export const weekdaySchema = z.number().int().min(1).max(7);
/** 'HH:MM' local time; '24:00' closes at the end of the day. */
export const clockTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'time.invalid' });

export const resourceSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['desk', 'room', 'part']),
  name: z.string(),
  features: z.array(z.enum(RESOURCE_FEATURES)),
  capacity: z.number().int().nullable(),
  parentId: z.string().uuid().nullable(),
  active: z.boolean(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const openingIntervalSchema = z.object({ weekday: weekdaySchema, opens: clockTimeSchema, closes: clockTimeSchema });
export type OpeningIntervalDto = z.infer<typeof openingIntervalSchema>;

export const closureSchema = z.object({ id: z.string().uuid(), startsOn: z.string(), endsOn: z.string(), resourceId: z.string().uuid().nullable(), reason: z.string() });
export type ClosureDto = z.infer<typeof closureSchema>;

export const spaceDetailSchema = spaceSummarySchema.extend({
  description: z.string(),
  zone: z.string(),
  published: z.boolean(),
  holidaysClosed: z.boolean(),
  houseRules: z.string(),
  /** How one gets in (staffed, key handover, keypad, smart lock); the details go to confirmed bookers only. */
  accessMode: z.enum(['staffed', 'key_handover', 'keypad', 'smart_lock']),
  rules: z.object({
    slotMinutes: z.number().int(),
    minDurationMinutes: z.number().int(),
    maxDurationMinutes: z.number().int(),
    leadTimeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    cancellationDeadlineHours: z.number().int(),
    noShowGraceMinutes: z.number().int().nullable(),
  }),
  resources: z.array(resourceSchema),
  openingHours: z.array(openingIntervalSchema),
  /** Closures that have not ended yet. */
  closures: z.array(closureSchema),
  /** Public holidays (NRW) in the coming year on which the space is closed; empty after the opt-out. */
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
});
export type SpaceDetail = z.infer<typeof spaceDetailSchema>;

export const availabilityQuerySchema = z
  .object({ from: instantSchema, to: instantSchema })
  .strict()
  .refine(windowWithin(AVAILABILITY_MAX_WINDOW_DAYS), { error: 'window.invalid', path: ['to'] });
export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

const isoIntervalSchema = z.object({ start: z.string(), end: z.string() });
export const availabilitySchema = z.object({
  spaceId: z.string().uuid(),
  zone: z.string(),
  slotMinutes: z.number().int(),
  from: z.string(),
  to: z.string(),
  resources: z.array(z.object({ resourceId: z.string().uuid(), free: z.array(isoIntervalSchema), busy: z.array(isoIntervalSchema) })),
  slots: z.array(isoIntervalSchema.extend({ freeDesks: z.number().int(), freeUnits: z.number().int() })),
  days: z.array(z.object({ date: z.string(), open: z.boolean(), wholeDayFree: z.number().int() })),
});
export type Availability = z.infer<typeof availabilitySchema>;
