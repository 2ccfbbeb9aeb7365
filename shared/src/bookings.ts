import { z } from 'zod';
import { instantSchema, localDateSchema } from './spaces';

/**
 * `held`: a waitlist offer keeping the slot for one person until they accept or it lapses.
 * `no_show`: a confirmed booking nobody checked in to within the space's grace period.
 */
export const BOOKING_STATUSES = ['pending', 'confirmed', 'rejected', 'expired', 'cancelled', 'no_show', 'held'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const uuid = z.uuid({ error: 'id.invalid' });
const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'text.too_long' })
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), { error: 'text.control_characters' });

/**
 * A booking is asked for either as a time range or as a whole day (desks: the day's opening
 * hours). Without `resourceId` a coworking space assigns any free desk and a room space its room.
 */
export const bookingCreateSchema = z
  .object({
    spaceId: uuid,
    resourceId: uuid.optional(),
    start: instantSchema.optional(),
    end: instantSchema.optional(),
    date: localDateSchema.optional(),
    purpose: freeText(500).optional(),
    attendees: z.number().int().min(1).max(10_000).optional(),
    organizationId: uuid.optional(),
    /** Book on the employer's pilot contract: the employer pays, the quota counts. */
    contractId: uuid.optional(),
  })
  .strict()
  .refine((b) => (b.date ? !b.start && !b.end : !!b.start && !!b.end), { error: 'booking.range_or_day', path: ['start'] });
export type BookingCreate = z.infer<typeof bookingCreateSchema>;

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

export const bookingIdParamsSchema = z.object({ id: uuid }).strict();
export const bookingReasonSchema = z.object({ reason: freeText(500).optional() }).strict();
export const bookingRejectSchema = z.object({ reason: freeText(500).pipe(z.string().min(1, { error: 'reason.required' })) }).strict();

export const bookingListQuerySchema = z
  .object({
    /** `mine`: my bookings; `managed`: bookings of spaces I manage (the approval inbox). */
    scope: z.enum(['mine', 'managed']).default('mine'),
    status: z.enum(BOOKING_STATUSES).optional(),
    spaceId: uuid.optional(),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type BookingListQuery = z.infer<typeof bookingListQuerySchema>;

export const bookingSchema = z.object({
  id: z.uuid(),
  status: z.enum(BOOKING_STATUSES),
  space: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), municipality: z.string(), zone: z.string() }),
  resource: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['desk', 'room', 'part']) }),
  start: z.string(),
  end: z.string(),
  wholeDay: z.boolean(),
  purpose: z.string(),
  attendees: z.number().int().nullable(),
  priceCents: z.number().int(),
  organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The employer contract that pays for it, if any. */
  contractId: z.uuid().nullable(),
  /** The recurring series this date belongs to, if any: lists group by it, series actions take it. */
  seriesId: z.uuid().nullable(),
  /** Who booked: shown to the booker themself and to the space's managers, never publicly. */
  booker: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  decisionReason: z.string().nullable(),
  sequence: z.number().int(),
  /** Until when the booker may cancel (ISO 8601); managers may cancel at any time. */
  cancellableUntil: z.string(),
  /** For pending requests: when they expire unanswered. */
  expiresAt: z.string().nullable(),
  /** When the booker checked in on site. */
  checkedInAt: z.string().nullable(),
  /** The window in which the booker may check in; null when check-in does not apply (not confirmed). */
  checkIn: z.object({ from: z.string(), until: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const bookingListSchema = z.object({ items: z.array(bookingSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type BookingList = z.infer<typeof bookingListSchema>;
