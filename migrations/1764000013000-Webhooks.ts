import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation webhooks: endpoints an organization's admins register, one delivery per event
 * and endpoint (delivered through the outbox, which retries it), every attempt kept for the
 * delivery log, and a mark per booking and phase so that `started`/`ended` go out once.
 * The secret is kept in clear text because signing needs it; it is never sent back after
 * creation or rotation.
 */
export class Webhooks1764000013000 implements MigrationInterface {
  name = 'Webhooks1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        url text NOT NULL,
        description text NOT NULL DEFAULT '',
        events text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        secret text NOT NULL,
        secret_rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_organization_idx ON webhook_endpoints (organization_id) WHERE active`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_key text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        job_key text NOT NULL,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_key)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        error text,
        duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id)`);
    await q.query(`
      CREATE TABLE webhook_booking_phases (
        booking_id uuid NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
        phase text NOT NULL CHECK (phase IN ('started', 'ended')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (booking_id, phase)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_booking_phases`);
    await q.query(`DROP TABLE webhook_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
