import type { Webhook, WebhookDelivery, WebhookEvent } from '@landraeume/shared';

export interface WebhookRow {
  id: string;
  organization_id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  active: boolean;
  created_at: Date;
  secret_rotated_at: Date | null;
}

/** Without the secret: it is shown once, by the answers that create or rotate it. */
export const presentWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  organizationId: row.organization_id,
  url: row.url,
  description: row.description,
  events: row.events,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
});

export interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  delivered_at: Date | null;
  created_at: Date;
  job_status: 'pending' | 'done' | 'dead' | null;
  run_at: Date | null;
  attempts: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

export function presentDelivery(row: DeliveryRow): WebhookDelivery {
  const last = row.attempts.at(-1);
  const status = row.delivered_at ? 'delivered' : row.job_status === 'pending' ? 'pending' : 'failed';
  return {
    id: row.id,
    eventId: row.event_id,
    event: row.event_type,
    status,
    attempts: row.attempts.length,
    lastStatusCode: last?.statusCode ?? null,
    lastError: last?.error ?? null,
    nextRetryAt: status === 'pending' && row.run_at ? row.run_at.toISOString() : null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    attemptLog: row.attempts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
  };
}
