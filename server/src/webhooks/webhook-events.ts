import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { WebhookEvent } from '@landraeume/shared';
import type { Queryable } from '../db/queryable';

export const WEBHOOK_JOB = 'webhook.delivery';

interface EventRow {
  id: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  space_id: string;
  space_name: string;
  zone: string;
  resource_id: string;
  resource_name: string;
  endpoints: { id: string; events: string[] }[];
}

/**
 * What a receiver learns of a booking: enough to heat, light or unlock a room, and nothing of
 * the person who booked it (no name, e-mail, purpose or price), as the owning organization does
 * not need it for that and a club's endpoint may run on a volunteer's server.
 */
function payloadFor(row: EventRow, type: string, eventId: string, occurredAt: string) {
  const at = (d: Date) => DateTime.fromJSDate(d, { zone: row.zone }).toISO()!;
  return {
    id: eventId,
    type,
    occurredAt,
    data: {
      bookingId: row.id,
      status: row.status,
      start: at(row.starts_at),
      end: at(row.ends_at),
      space: { id: row.space_id, name: row.space_name },
      resource: { id: row.resource_id, name: row.resource_name },
    },
  };
}

/** Queues one delivery per subscribed endpoint, and its outbox job, inside the caller's transaction. */
export async function enqueueDeliveries(db: Queryable, deliveries: { endpointId: string; eventId: string; eventKey: string; type: string; payload: object }[]): Promise<string[]> {
  if (!deliveries.length) return [];
  const rows = (await db.query(
    `WITH d AS (
       INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_key, event_type, payload, job_key)
       SELECT id, endpoint_id, event_id, event_key, event_type, payload, $1 || ':' || id FROM (
         SELECT gen_random_uuid() AS id, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[]) AS x(endpoint_id, event_id, event_key, event_type, payload)
       ) n
       ON CONFLICT (endpoint_id, event_key) DO NOTHING
       RETURNING id, job_key
     ),
     jobs AS (INSERT INTO outbox_jobs (kind, key, payload) SELECT $1, job_key, jsonb_build_object('deliveryId', id) FROM d ON CONFLICT (key) DO NOTHING)
     SELECT id FROM d`,
    [
      WEBHOOK_JOB,
      deliveries.map((d) => d.endpointId),
      deliveries.map((d) => d.eventId),
      deliveries.map((d) => d.eventKey),
      deliveries.map((d) => d.type),
      deliveries.map((d) => JSON.stringify(d.payload)),
    ],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The one place where booking changes become webhook events, called in the transaction of the
 * change. Endpoints of the organization owning the space and of the organization the booking is
 * made for both hear of it. The key (booking, event, change) makes a repeated call a no-op.
 */
export async function enqueueBookingEvents(db: Queryable, bookingIds: string[], types: WebhookEvent[], change: string | number = 0): Promise<void> {
  if (!bookingIds.length || !types.length) return;
  const rows = (await db.query(
    `SELECT b.id, b.status, lower(b.period) AS starts_at, upper(b.period) AS ends_at, s.id AS space_id, s.name AS space_name, s.zone,
            r.id AS resource_id, r.name AS resource_name, json_agg(json_build_object('id', w.id, 'events', w.events)) AS endpoints
       FROM bookings b
       JOIN spaces s ON s.id = b.space_id
       JOIN resources r ON r.id = b.resource_id
       JOIN webhook_endpoints w ON w.active AND w.events && $2::text[] AND (w.organization_id = s.organization_id OR w.organization_id = b.organization_id)
      WHERE b.id = ANY($1::uuid[])
      GROUP BY b.id, s.id, r.id`,
    [bookingIds, types],
  )) as EventRow[];
  const occurredAt = DateTime.utc().toISO();
  const deliveries = rows.flatMap((row) =>
    types.flatMap((type) => {
      const eventId = randomUUID();
      const payload = payloadFor(row, type, eventId, occurredAt);
      const subscribed = row.endpoints.filter((e) => e.events.includes(type));
      return subscribed.map((e) => ({ endpointId: e.id, eventId, eventKey: `${row.id}:${type}:${change}`, type, payload }));
    }),
  );
  await enqueueDeliveries(db, deliveries);
}
