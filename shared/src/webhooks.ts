import { z } from 'zod';

/** The booking events an organization can subscribe to; `ping` is only ever sent by the test button. */
export const WEBHOOK_EVENTS = ['booking.created', 'booking.confirmed', 'booking.rejected', 'booking.expired', 'booking.cancelled', 'booking.started', 'booking.ended'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const uuid = () => z.string().uuid({ error: 'id.invalid' });

const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), { error: 'webhook.url_invalid' });

const eventList = z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length).transform((events) => [...new Set(events)]);

export const webhookCreateSchema = z
  .object({
    url: webhookUrl,
    description: z.string().trim().max(200).default(''),
    events: eventList,
    active: z.boolean().default(true),
  })
  .strict();
export type WebhookCreate = z.input<typeof webhookCreateSchema>;
export type WebhookCreateParsed = z.output<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z
  .object({ url: webhookUrl, description: z.string().trim().max(200), events: eventList, active: z.boolean() })
  .partial()
  .strict();
export type WebhookUpdate = z.output<typeof webhookUpdateSchema>;

export const webhookSchema = z.object({
  id: z.string().uuid(),
  organizationId: z.string().uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean(),
  createdAt: z.string(),
  secretRotatedAt: z.string().nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** Only the answers to creating an endpoint and rotating its secret carry the secret. */
export const webhookWithSecretSchema = webhookSchema.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookListSchema = z.object({ items: z.array(webhookSchema) });

export const webhookParamsSchema = z.object({ id: uuid(), webhookId: uuid() });
export const webhookDeliveryParamsSchema = z.object({ id: uuid(), webhookId: uuid(), deliveryId: uuid() });

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const webhookAttemptSchema = z.object({ at: z.string(), statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() });

export const webhookDeliverySchema = z.object({
  id: z.string().uuid(),
  eventId: z.string().uuid(),
  event: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  attemptLog: z.array(webhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });
