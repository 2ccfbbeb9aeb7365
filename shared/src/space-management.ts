import { DateTime } from 'luxon';
import { z } from 'zod';
import { accessModeSchema, LOCK_ADAPTERS, lockSecretSchema, lockUrlSchema } from './access';
import { line, prose } from './text';
import { AMENITIES, clockTimeSchema, localDateSchema, municipalitySchema, RESOURCE_FEATURES, spaceDetailSchema, spaceKindSchema, spaceSummarySchema, weekdaySchema } from './spaces';

const requiredLine = (max: number) => line(max).pipe(z.string().min(1, { error: 'text.required' }));
const cents = z.number().int().min(0).max(10_000_000).nullable();
const photoUrl = z.url({ protocol: /^https$/, error: 'url.https' }).max(500);

const spaceFields = {
  kind: spaceKindSchema,
  name: requiredLine(200),
  description: prose(5000),
  street: requiredLine(200),
  postcode: z.string().regex(/^[0-9]{5}$/, { error: 'postcode.invalid' }),
  municipality: municipalitySchema,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  capacity: z.number().int().min(1).max(10_000),
  amenities: z.array(z.enum(AMENITIES)).max(AMENITIES.length),
  photos: z.array(photoUrl).max(10),
  approval: z.enum(['instant', 'required']),
  slotMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
  minDurationMinutes: z.number().int().min(15).max(24 * 60),
  maxDurationMinutes: z.number().int().min(15).max(14 * 24 * 60),
  leadTimeMinutes: z.number().int().min(0).max(60 * 24 * 60),
  horizonDays: z.number().int().min(1).max(730),
  cancellationDeadlineHours: z.number().int().min(0).max(24 * 90),
  pricePerHourCents: cents,
  pricePerDayCents: cents,
  clubPricePerHourCents: cents,
  houseRules: prose(5000),
  accessInstructions: prose(2000),
  holidaysClosed: z.boolean(),
  accessMode: accessModeSchema,
  /** Where the key is fetched and returned, e.g. "Rathaus Billerbeck, Bürgerbüro, Markt 1". */
  keyPlace: prose(500),
  keyPickupHoursBefore: z.number().int().min(0).max(336),
  keyReturnHoursAfter: z.number().int().min(0).max(336),
  /** How long before the start a keypad or smart-lock code is shown to the booker. */
  codeLeadMinutes: z.number().int().min(0).max(10080),
  /** The lock system codes are pushed to (null: none, codes are set by hand). */
  lockAdapter: z.enum(LOCK_ADAPTERS).nullable(),
  lockUrl: lockUrlSchema.nullable(),
  /** Write-only: signs what is sent to the lock system; never shown again. */
  lockSecret: lockSecretSchema.nullable(),
  /** Set-up and clean-up time kept free before and after every booking, which the booker never sees. */
  setupMinutes: z.number().int().min(0).max(24 * 60),
  cleanupMinutes: z.number().int().min(0).max(24 * 60),
  /** Minutes after the start by which a booker must check in, else the booking is released; null: off. */
  noShowGraceMinutes: z.number().int().min(5).max(24 * 60).nullable(),
};

const optional = <T extends Record<string, z.ZodType>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

/** A new space starts unpublished; everything but the essentials has a sensible default. */
export const spaceCreateSchema = z
  .object({
    organizationId: z.uuid({ error: 'id.invalid' }),
    ...optional(spaceFields),
    kind: spaceFields.kind,
    name: spaceFields.name,
    street: spaceFields.street,
    postcode: spaceFields.postcode,
    municipality: spaceFields.municipality,
    capacity: spaceFields.capacity,
  })
  .strict();
export type SpaceCreate = z.infer<typeof spaceCreateSchema>;

export const spaceUpdateSchema = z.object(optional(spaceFields)).strict();
export type SpaceUpdate = z.infer<typeof spaceUpdateSchema>;

export const resourceCreateSchema = z
  .object({
    kind: z.enum(['desk', 'room']),
    name: requiredLine(100),
    features: z.array(z.enum(RESOURCE_FEATURES)).max(RESOURCE_FEATURES.length).default([]),
    capacity: z.number().int().min(1).max(10_000).optional(),
    /** Parts of a divisible room (e.g. the thirds of a sports hall). */
    parts: z.array(z.object({ name: requiredLine(100), capacity: z.number().int().min(1).max(10_000).optional() }).strict()).max(10).optional(),
  })
  .strict()
  .refine((r) => r.kind !== 'desk' || !r.parts?.length, { error: 'resource.parts_only_for_rooms', path: ['parts'] });
export type ResourceCreate = z.infer<typeof resourceCreateSchema>;

export const resourceUpdateSchema = z
  .object({
    name: requiredLine(100).optional(),
    features: z.array(z.enum(RESOURCE_FEATURES)).max(RESOURCE_FEATURES.length).optional(),
    capacity: z.number().int().min(1).max(10_000).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type ResourceUpdate = z.infer<typeof resourceUpdateSchema>;

export const MAX_OPENING_INTERVALS = 50;

/** The whole week at once; whether intervals overlap is a rule the service explains (422), not a format error. */
export const openingHoursSchema = z
  .object({ intervals: z.array(z.object({ weekday: weekdaySchema, opens: clockTimeSchema, closes: clockTimeSchema }).strict()).max(MAX_OPENING_INTERVALS) })
  .strict();
export type OpeningHoursInput = z.infer<typeof openingHoursSchema>;

export const MAX_CLOSURE_YEARS = 2;

/** Zod runs object refinements even after a field failed; an impossible date has its own message already. */
const bothDates = (c: { startsOn: string; endsOn: string }) => localDateSchema.safeParse(c.startsOn).success && localDateSchema.safeParse(c.endsOn).success;

export const closureCreateSchema = z
  .object({
    startsOn: localDateSchema,
    endsOn: localDateSchema,
    resourceId: z.uuid({ error: 'id.invalid' }).optional(),
    reason: line(200).optional(),
  })
  .strict()
  .refine((c) => !bothDates(c) || c.endsOn >= c.startsOn, { error: 'closure.order', path: ['endsOn'] })
  .refine((c) => !bothDates(c) || DateTime.fromISO(c.endsOn) <= DateTime.fromISO(c.startsOn).plus({ years: MAX_CLOSURE_YEARS }), { error: 'closure.too_long', path: ['endsOn'] });
export type ClosureCreate = z.infer<typeof closureCreateSchema>;

export const spaceResourceParamsSchema = z.object({ id: z.uuid({ error: 'id.invalid' }), resourceId: z.uuid({ error: 'id.invalid' }) }).strict();
export const spaceClosureParamsSchema = z.object({ id: z.uuid({ error: 'id.invalid' }), closureId: z.uuid({ error: 'id.invalid' }) }).strict();
export const managedSpaceParamsSchema = z.object({ id: z.uuid({ error: 'id.invalid' }) }).strict();

/** A space on its provider's dashboard, published or not, with how many resources it has. */
export const managedSpaceSummarySchema = spaceSummarySchema.extend({
  published: z.boolean(),
  /** Desks and rooms (their parts not counted), in service or not. */
  resourceCount: z.number().int(),
  activeResourceCount: z.number().int(),
});
export type ManagedSpaceSummary = z.infer<typeof managedSpaceSummarySchema>;

/** What a manager sees of a space: the public detail plus the key instructions meant only for confirmed bookers, and the buffers. */
export const managedSpaceDetailSchema = spaceDetailSchema.extend({
  accessInstructions: z.string(),
  keyPlace: z.string(),
  keyPickupHoursBefore: z.number().int(),
  keyReturnHoursAfter: z.number().int(),
  codeLeadMinutes: z.number().int(),
  lockAdapter: z.enum(LOCK_ADAPTERS).nullable(),
  lockUrl: z.string().nullable(),
  /** Whether a lock secret is stored; the secret itself never leaves the server. */
  lockSecretSet: z.boolean(),
  setupMinutes: z.number().int(),
  cleanupMinutes: z.number().int(),
});
export type ManagedSpaceDetail = z.infer<typeof managedSpaceDetailSchema>;
