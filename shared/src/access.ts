import { DateTime } from 'luxon';
import { z } from 'zod';
import { instantSchema, localDateSchema } from './spaces';

/** How people get into a space: someone lets them in, they fetch a key, or they type a code. */
export const ACCESS_MODES = ['staffed', 'key_handover', 'keypad', 'smart_lock'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
export const accessModeSchema = z.enum(ACCESS_MODES);

/** Modes whose confirmed bookings get a per-booking code. */
export const CODE_MODES: readonly AccessMode[] = ['keypad', 'smart_lock'];

/** Lock systems a space can push its codes to; each name is one adapter on the server. */
export const LOCK_ADAPTERS = ['webhook'] as const;
export type LockAdapterName = (typeof LOCK_ADAPTERS)[number];

/** A lock system is reached over the network; http is allowed for one inside the town's own network. */
export const lockUrlSchema = z.url({ protocol: /^https?$/, error: 'url.invalid' }).max(500);
export const lockSecretSchema = z.string().min(16, { error: 'secret.too_short' }).max(200, { error: 'text.too_long' });

/** What the booker of a confirmed booking learns about getting in. */
export const bookingAccessSchema = z.object({
  bookingId: z.uuid(),
  mode: accessModeSchema,
  /** Free text from the space (door, alarm, where the light switch is). */
  instructions: z.string(),
  key: z
    .object({
      place: z.string(),
      /** From when the key may be fetched, and by when it must be back (ISO 8601, space's zone). */
      pickupFrom: z.string(),
      returnBy: z.string(),
      outAt: z.string().nullable(),
      backAt: z.string().nullable(),
    })
    .nullable(),
  code: z
    .object({
      /** `not_yet`: before the window; `shown`: `value` is set; `over`: the booking has ended. */
      state: z.enum(['not_yet', 'shown', 'over']),
      value: z.string().nullable(),
      shownFrom: z.string(),
      shownUntil: z.string(),
    })
    .nullable(),
});
export type BookingAccess = z.infer<typeof bookingAccessSchema>;

export const KEY_STATES = ['to_hand_out', 'out', 'overdue', 'returned'] as const;
export type KeyState = (typeof KEY_STATES)[number];

/** One booking on a provider's key board. */
export const keyHandoverSchema = z.object({
  bookingId: z.uuid(),
  state: z.enum(KEY_STATES),
  space: z.object({ id: z.uuid(), name: z.string() }),
  resourceName: z.string(),
  booker: z.object({ name: z.string(), email: z.string() }).nullable(),
  organizationName: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  pickupFrom: z.string(),
  returnBy: z.string(),
  keyPlace: z.string(),
  outAt: z.string().nullable(),
  outBy: z.string().nullable(),
  backAt: z.string().nullable(),
  backBy: z.string().nullable(),
});
export type KeyHandover = z.infer<typeof keyHandoverSchema>;

export const keyBoardSchema = z.object({ from: z.string(), to: z.string(), items: z.array(keyHandoverSchema) });
export type KeyBoard = z.infer<typeof keyBoardSchema>;

export const KEY_BOARD_MAX_DAYS = 31;

/** A day or a window; without either, today and the next six days. Keys still out always show. */
export const keyBoardQuerySchema = z
  .object({ date: localDateSchema.optional(), from: instantSchema.optional(), to: instantSchema.optional(), spaceId: z.uuid({ error: 'id.invalid' }).optional() })
  .strict()
  .refine((q) => !q.from === !q.to, { error: 'window.incomplete', path: ['to'] })
  .refine((q) => !(q.date && q.from), { error: 'window.date_or_range', path: ['date'] })
  .refine(
    (q) => {
      if (!q.from || !q.to) return true;
      const from = DateTime.fromISO(q.from);
      const to = DateTime.fromISO(q.to);
      return from < to && to.diff(from, 'days').days <= KEY_BOARD_MAX_DAYS;
    },
    { error: 'window.invalid', path: ['to'] },
  );
export type KeyBoardQuery = z.infer<typeof keyBoardQuerySchema>;
