import { z } from 'zod';
import { bookingSchema } from './bookings';
import { instantSchema } from './spaces';

const uuid = z.uuid({ error: 'id.invalid' });

/** Waiting for a taken slot; with `autoBook` the slot is booked as soon as it frees up, else it is held for a while. */
export const waitlistJoinSchema = z
  .object({
    spaceId: uuid,
    resourceId: uuid.optional(),
    start: instantSchema,
    end: instantSchema,
    autoBook: z.boolean().default(false),
  })
  .strict()
  .refine((w) => Date.parse(w.start) < Date.parse(w.end), { error: 'window.invalid', path: ['end'] });
export type WaitlistJoin = z.input<typeof waitlistJoinSchema>;

export const waitlistIdParamsSchema = z.object({ id: uuid }).strict();

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'lapsed', 'failed', 'withdrawn'] as const;

export const waitlistEntrySchema = z.object({
  id: z.uuid(),
  status: z.enum(WAITLIST_STATUSES),
  space: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), zone: z.string() }),
  resource: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  start: z.string(),
  end: z.string(),
  autoBook: z.boolean(),
  /** 1 for the first in line, while waiting. */
  position: z.number().int().nullable(),
  /** While offered: until when the slot is held. */
  heldUntil: z.string().nullable(),
  /** The held or made booking's id. */
  bookingId: z.uuid().nullable(),
  /** Why an automatic booking failed (an error code). */
  failure: z.string().nullable(),
  createdAt: z.string(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const waitlistEntryListSchema = z.object({ items: z.array(waitlistEntrySchema) });
export const waitlistAcceptedSchema = z.object({ entry: waitlistEntrySchema, booking: bookingSchema });
