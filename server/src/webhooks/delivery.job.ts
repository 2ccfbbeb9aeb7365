import type { DataSource } from 'typeorm';
import type { JobHandler, OutboxJob } from '../notifications/outbox';
import { postWebhook, WEBHOOK_TIMEOUT_MS } from './sender';
import { signatureHeader } from '../http/hmac';
import type { TargetPolicy } from './url-guard';
import { WEBHOOK_JOB } from './webhook-events';

export interface WebhookWorkerDeps {
  db: DataSource;
  policy: TargetPolicy;
  timeoutMs?: number;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  payload: object;
  url: string;
  secret: string;
  active: boolean;
}

/** Keeps an attempt's error short and free of anything but what went wrong. */
const describe = (err: unknown) => String((err as Error).message ?? err).slice(0, 300);

/**
 * Sends one delivery. Each attempt is written to the delivery log on its own connection, so it
 * stays even though the outbox then records the failure and schedules the retry (its backoff
 * and dead-after-N apply to webhooks as to mails). A deactivated or deleted endpoint gets nothing.
 */
async function deliver(deps: WebhookWorkerDeps, job: OutboxJob): Promise<void> {
  const [row] = (await deps.db.query(
    `SELECT d.id, d.event_id, d.event_type, d.payload, w.url, w.secret, w.active FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE d.id = $1`,
    [job.payload.deliveryId],
  )) as DeliveryRow[];
  if (!row || !row.active) return;
  const body = JSON.stringify(row.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postWebhook({
      url: row.url,
      body,
      policy: deps.policy,
      timeoutMs: deps.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      headers: {
        'User-Agent': 'Landraeume-Webhooks/1',
        'Landraeume-Webhook-Id': row.event_id,
        'Landraeume-Delivery-Id': row.id,
        'Landraeume-Event': row.event_type,
        'Landraeume-Timestamp': String(timestamp),
        'Landraeume-Signature': signatureHeader(row.secret, timestamp, body),
      },
    });
    if (statusCode < 200 || statusCode >= 300) error = `receiver answered ${statusCode}`;
  } catch (err) {
    error = describe(err);
  }
  await deps.db.query(`INSERT INTO webhook_attempts (delivery_id, status_code, error, duration_ms) VALUES ($1, $2, $3, $4)`, [row.id, statusCode, error, Date.now() - started]);
  if (error) throw new Error(error);
  await deps.db.query(`UPDATE webhook_deliveries SET delivered_at = now() WHERE id = $1`, [row.id]);
}

export function webhookHandlers(deps: WebhookWorkerDeps): Record<string, JobHandler> {
  return { [WEBHOOK_JOB]: (job) => deliver(deps, job) };
}
