import { z } from 'zod';

/** A feed token is 256 random bits in base64url: 43 characters, nothing else gets near the database. */
export const feedTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'token.invalid' }) }).strict();
export const feedSpaceParamsSchema = z.object({ id: z.uuid({ error: 'id.invalid' }) }).strict();

export const calendarFeedSchema = z.object({ url: z.string() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const OUTBOX_JOB_STATUSES = ['pending', 'dead', 'done'] as const;
export const outboxJobListQuerySchema = z.object({ status: z.enum(OUTBOX_JOB_STATUSES).default('dead') }).strict();
export const outboxJobParamsSchema = z.object({ id: z.string().regex(/^[1-9][0-9]{0,17}$/, { error: 'id.invalid' }) }).strict();

export const outboxJobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  key: z.string(),
  status: z.enum(OUTBOX_JOB_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  createdAt: z.string(),
});
export type OutboxJobView = z.infer<typeof outboxJobViewSchema>;
export const outboxJobListSchema = z.object({ items: z.array(outboxJobViewSchema) });

export const devMailParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,80}$/, { error: 'id.invalid' }) }).strict();

export const devMailSummarySchema = z.object({ id: z.string(), to: z.string(), subject: z.string(), date: z.string() });
export type DevMailSummary = z.infer<typeof devMailSummarySchema>;
export const devMailListSchema = z.object({ items: z.array(devMailSummarySchema) });

export const devMailSchema = devMailSummarySchema.extend({
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
});
export type DevMail = z.infer<typeof devMailSchema>;
