import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in state that must survive restarts and be shared by several app servers: sessions,
 * single-use tokens (e-mail verification, password reset), invitations and rate-limit counters.
 */
export class Accounts1764000001000 implements MigrationInterface {
  name = 'Accounts1764000001000';

  async up(q: QueryRunner): Promise<void> {
    // Erasure keeps the row (bookings providers must keep point at it) but none of the person in it.
    await q.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);

    // The layout connect-pg-simple expects; user_id is ours, so that one user's sessions can be ended.
    await q.query(`
      CREATE TABLE sessions (
        sid varchar PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL,
        user_id uuid GENERATED ALWAYS AS (CASE WHEN json_typeof(sess -> 'passport') = 'object' THEN (sess -> 'passport' ->> 'user')::uuid END) STORED
      )`);
    await q.query(`CREATE INDEX sessions_expire_idx ON sessions (expire)`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE user_tokens (
        token_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_organization_idx ON invitations (organization_id)`);

    // The layout rate-limiter-flexible's PostgreSQL store uses (it is told the table exists).
    await q.query(`
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['rate_limits', 'invitations', 'user_tokens', 'sessions']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`ALTER TABLE users DROP COLUMN deleted_at`);
  }
}
