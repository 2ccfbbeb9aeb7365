import { z } from 'zod';

/** A feed token is 256 random bits in base64url: 43 characters, nothing else gets near the database. */
export const feedTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'token.invalid' }) }).strict();
export const feedSpaceParamsSchema = z.object({ id: z.uuid({ error: 'id.invalid' }) }).strict();

export const calendarFeedSchema = z.object({ url: z.string() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const OUTBOX_JOB_STATUSES = ['pending', 'dead', 'done'] as const;
export const outboxJobListQuerySchema = z.object({ status: z.enum(OUTBOX_JOB_STATUSES).default('dead') }).strict();
export const outboxJobParamsSchema = z.object({ id: z.string().regex(/^[1-9][0-9]{0,17}$/, { error: 'id.invalid' }) }).strict();

export interface OutboxJobView {
  id: string;
  kind: string;
  key: string;
  status: (typeof OUTBOX_JOB_STATUSES)[number];
  attempts: number;
  lastError: string | null;
  runAt: string;
  createdAt: string;
}

export const devMailParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,80}$/, { error: 'id.invalid' }) }).strict();

export interface DevMailSummary {
  id: string;
  to: string;
  subject: string;
  date: string;
}

export interface DevMail extends DevMailSummary {
  text: string;
  attachments: { filename: string; contentType: string }[];
}
