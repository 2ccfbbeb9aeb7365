import { z } from 'zod';
import { bookingSchema } from './bookings';
import { instantSchema, localDateSchema } from './spaces';

export const SERIES_MAX_OCCURRENCES = 52;

/** RFC 5545 RRULE body, e.g. `FREQ=WEEKLY;INTERVAL=2;COUNT=10` or `FREQ=WEEKLY;UNTIL=20270630`. */
export const rruleSchema = z
  .string()
  .trim()
  .max(200, { error: 'rrule.invalid' })
  .regex(/^(RRULE:)?[A-Z]+=[A-Z0-9,+-]+(;[A-Z]+=[A-Z0-9,+-]+)*$/, { error: 'rrule.invalid' });

const seriesBase = {
  spaceId: z.uuid({ error: 'id.invalid' }),
  resourceId: z.uuid({ error: 'id.invalid' }).optional(),
  /** The first occurrence; later ones keep its local wall-clock times, across DST changes too. */
  start: instantSchema,
  end: instantSchema,
  rrule: rruleSchema,
  exdates: z.array(localDateSchema).max(SERIES_MAX_OCCURRENCES).default([]),
  purpose: z.string().trim().max(500).optional(),
  attendees: z.number().int().min(1).max(10_000).optional(),
  organizationId: z.uuid({ error: 'id.invalid' }).optional(),
};

export const seriesPreviewSchema = z.object(seriesBase).strict();
export type SeriesPreviewInput = z.infer<typeof seriesPreviewSchema>;

export const seriesCreateSchema = z.object({ ...seriesBase, onConflict: z.enum(['fail', 'skip']).default('fail') }).strict();
export type SeriesCreateInput = z.infer<typeof seriesCreateSchema>;

export const OCCURRENCE_STATUSES = ['free', 'conflict', 'closed', 'unavailable'] as const;

export const occurrenceSchema = z.object({
  start: z.string(),
  end: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  /** The rule that makes it unavailable (e.g. beyond_horizon), when status is closed or unavailable. */
  code: z.string().optional(),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

export const seriesPreviewResultSchema = z.object({ occurrences: z.array(occurrenceSchema) });

export const seriesSchema = z.object({ id: z.uuid(), rrule: z.string(), exdates: z.array(z.string()), spaceId: z.uuid(), resourceId: z.uuid() });

export const seriesCreatedSchema = z.object({ series: seriesSchema, created: z.array(bookingSchema), skipped: z.array(occurrenceSchema) });
export type SeriesCreated = z.infer<typeof seriesCreatedSchema>;

export const seriesIdParamsSchema = z.object({ id: z.uuid({ error: 'id.invalid' }) }).strict();
export const seriesCancelSchema = z.object({ from: instantSchema.optional(), reason: z.string().trim().max(500).optional() }).strict();
