import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Webhook, WebhookCreateParsed, WebhookDelivery, WebhookUpdate, WebhookWithSecret } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../accounts/actor';
import { canManageWebhooksOf } from '../accounts/policy';
import { recordAudit } from '../audit/audit';
import { rowsOf } from '../db/rows';
import { DomainError, notFound } from '../http/errors';
import { newSecret } from './signing';
import { urlRefusal, type TargetPolicy } from './url-guard';
import { enqueueDeliveries, WEBHOOK_JOB } from './webhook-events';
import { presentDelivery, presentWebhook, type DeliveryRow, type WebhookRow } from './webhooks.presenter';

const COLUMNS = 'id, organization_id, url, description, events, active, created_at, secret_rotated_at';
/** The delivery log shows the latest deliveries; older ones stay in the database for support. */
const LOG_SIZE = 100;

/** An organization's webhook endpoints, their secrets and their delivery log. */
export class WebhookService {
  constructor(
    private readonly db: DataSource,
    private readonly policy: TargetPolicy,
  ) {}

  async list(actor: Actor, organizationId: string): Promise<Webhook[]> {
    await this.organization(actor, organizationId);
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE organization_id = $1 ORDER BY created_at, id`, [organizationId])) as WebhookRow[];
    return rows.map(presentWebhook);
  }

  async create(actor: Actor, organizationId: string, input: WebhookCreateParsed): Promise<WebhookWithSecret> {
    await this.organization(actor, organizationId);
    await this.checkUrl(input.url);
    const secret = newSecret();
    return this.db.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO webhook_endpoints (organization_id, url, description, events, active, secret) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [organizationId, input.url, input.description, input.events, input.active, secret],
      )) as [WebhookRow];
      await recordAudit(m, { actorId: actor.id, action: 'webhook.created', subjectType: 'webhook', subjectId: row.id, data: { organizationId, url: row.url, events: row.events } });
      return { ...presentWebhook(row), secret };
    });
  }

  async update(actor: Actor, organizationId: string, webhookId: string, input: WebhookUpdate): Promise<Webhook> {
    await this.endpoint(actor, organizationId, webhookId);
    if (input.url !== undefined) await this.checkUrl(input.url);
    return this.db.transaction(async (m) => {
      const [row] = rowsOf<WebhookRow>(await m.query(
        `UPDATE webhook_endpoints SET url = coalesce($3, url), description = coalesce($4, description), events = coalesce($5, events), active = coalesce($6, active), updated_at = now()
          WHERE id = $1 AND organization_id = $2 RETURNING ${COLUMNS}`,
        [webhookId, organizationId, input.url ?? null, input.description ?? null, input.events ?? null, input.active ?? null],
      ));
      if (!row) throw notFound('Webhook');
      await recordAudit(m, { actorId: actor.id, action: 'webhook.updated', subjectType: 'webhook', subjectId: webhookId, data: { ...input } });
      return presentWebhook(row);
    });
  }

  async remove(actor: Actor, organizationId: string, webhookId: string): Promise<void> {
    await this.endpoint(actor, organizationId, webhookId);
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM webhook_endpoints WHERE id = $1 AND organization_id = $2`, [webhookId, organizationId]);
      await recordAudit(m, { actorId: actor.id, action: 'webhook.deleted', subjectType: 'webhook', subjectId: webhookId, data: { organizationId } });
    });
  }

  /** The old secret stops working at once: receivers must take the new one before the next event. */
  async rotateSecret(actor: Actor, organizationId: string, webhookId: string): Promise<WebhookWithSecret> {
    await this.endpoint(actor, organizationId, webhookId);
    const secret = newSecret();
    return this.db.transaction(async (m) => {
      const [row] = rowsOf<WebhookRow>(await m.query(`UPDATE webhook_endpoints SET secret = $3, secret_rotated_at = now(), updated_at = now() WHERE id = $1 AND organization_id = $2 RETURNING ${COLUMNS}`, [webhookId, organizationId, secret]));
      if (!row) throw notFound('Webhook');
      await recordAudit(m, { actorId: actor.id, action: 'webhook.secret_rotated', subjectType: 'webhook', subjectId: webhookId, data: { organizationId } });
      return { ...presentWebhook(row), secret };
    });
  }

  async deliveries(actor: Actor, organizationId: string, webhookId: string): Promise<WebhookDelivery[]> {
    await this.endpoint(actor, organizationId, webhookId);
    return (await this.deliveryRows(`d.endpoint_id = $1 ORDER BY d.created_at DESC, d.id LIMIT ${LOG_SIZE}`, [webhookId])).map(presentDelivery);
  }

  /** A ping with the endpoint's signature, so a receiver can be tested without waiting for a booking. */
  async test(actor: Actor, organizationId: string, webhookId: string): Promise<WebhookDelivery> {
    await this.endpoint(actor, organizationId, webhookId);
    const eventId = randomUUID();
    const payload = { id: eventId, type: 'ping', occurredAt: DateTime.utc().toISO(), data: { webhookId, organizationId } };
    const [id] = await enqueueDeliveries(this.db, [{ endpointId: webhookId, eventId, eventKey: `ping:${eventId}`, type: 'ping', payload }]);
    return this.delivery(id!);
  }

  /** Sends a delivery again, with its original event id so that receivers can tell it is the same event. */
  async redeliver(actor: Actor, organizationId: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.endpoint(actor, organizationId, webhookId);
    await this.db.transaction(async (m) => {
      const jobKey = `${WEBHOOK_JOB}:${deliveryId}:${randomUUID()}`;
      const [row] = rowsOf<{ id: string }>(await m.query(`UPDATE webhook_deliveries SET job_key = $3, delivered_at = NULL WHERE id = $1 AND endpoint_id = $2 RETURNING id`, [deliveryId, webhookId, jobKey]));
      if (!row) throw notFound('Delivery');
      await m.query(`INSERT INTO outbox_jobs (kind, key, payload) VALUES ($1, $2, $3)`, [WEBHOOK_JOB, jobKey, JSON.stringify({ deliveryId })]);
      await recordAudit(m, { actorId: actor.id, action: 'webhook.redelivered', subjectType: 'webhook', subjectId: webhookId, data: { deliveryId } });
    });
    return this.delivery(deliveryId);
  }

  private async delivery(id: string): Promise<WebhookDelivery> {
    const [row] = await this.deliveryRows(`d.id = $1`, [id]);
    return presentDelivery(row!);
  }

  private deliveryRows(where: string, params: unknown[]): Promise<DeliveryRow[]> {
    return this.db.query(
      `SELECT d.id, d.event_id, d.event_type, d.delivered_at, d.created_at, j.status AS job_status, j.run_at,
              coalesce((SELECT json_agg(json_build_object('at', a.attempted_at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.id)
                          FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]') AS attempts
         FROM webhook_deliveries d LEFT JOIN outbox_jobs j ON j.key = d.job_key
        WHERE ${where}`,
      params,
    ) as Promise<DeliveryRow[]>;
  }

  private async checkUrl(url: string): Promise<void> {
    const refusal = await urlRefusal(url, this.policy);
    if (refusal) throw new DomainError('webhook_url_refused', `Webhooks cannot be sent to this address (${refusal})`, { reason: refusal });
  }

  /** Outsiders learn nothing, not even that the organization exists. */
  private async organization(actor: Actor, organizationId: string): Promise<void> {
    if (!canManageWebhooksOf(actor, organizationId)) throw notFound('Organization');
    const [row] = (await this.db.query(`SELECT 1 FROM organizations WHERE id = $1`, [organizationId])) as unknown[];
    if (!row) throw notFound('Organization');
  }

  private async endpoint(actor: Actor, organizationId: string, webhookId: string): Promise<void> {
    await this.organization(actor, organizationId);
    const [row] = (await this.db.query(`SELECT 1 FROM webhook_endpoints WHERE id = $1 AND organization_id = $2`, [webhookId, organizationId])) as unknown[];
    if (!row) throw notFound('Webhook');
  }
}
