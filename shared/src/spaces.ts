import { z } from 'zod';
import { MUNICIPALITY_NAMES } from './municipalities';

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

export const spaceListQuerySchema = z
  .object({
    kind: spaceKindSchema.optional(),
    municipality: municipalitySchema.optional(),
    q: z.string().trim().max(100).optional(),
    page: pageSchema,
    pageSize: z.coerce.number().int().min(1).max(100).default(24),
  })
  .strict();
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
});
export type SpaceSummary = z.infer<typeof spaceSummarySchema>;

export const spaceListSchema = z.object({
  items: z.array(spaceSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SpaceList = z.infer<typeof spaceListSchema>;
