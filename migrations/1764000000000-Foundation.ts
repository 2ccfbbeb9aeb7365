import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core of the domain model: organizations, people, memberships, spaces with their bookable
 * resources, weekly opening hours, closures and the audit log. Bookings come in their own migration.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('municipality', 'provider', 'employer', 'club', 'platform')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        street text,
        postcode text,
        town text,
        municipality text,
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lon double precision CHECK (lon BETWEEN -180 AND 180),
        email text,
        website text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        password_hash text NOT NULL,
        locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
        home_postcode text,
        home_lat double precision CHECK (home_lat BETWEEN -90 AND 90),
        home_lon double precision CHECK (home_lon BETWEEN -180 AND 180),
        email_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE memberships (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organization_id)
      )`);
    await q.query(`CREATE INDEX memberships_organization_idx ON memberships (organization_id)`);

    await q.query(`
      CREATE TABLE spaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('coworking', 'meeting_room', 'event_room', 'sports_hall', 'workshop', 'other')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        description text NOT NULL DEFAULT '',
        street text NOT NULL,
        postcode text NOT NULL CHECK (postcode ~ '^[0-9]{5}$'),
        town text NOT NULL,
        municipality text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        amenities text[] NOT NULL DEFAULT '{}',
        photos text[] NOT NULL DEFAULT '{}',
        zone text NOT NULL DEFAULT 'Europe/Berlin',
        approval text NOT NULL DEFAULT 'instant' CHECK (approval IN ('instant', 'required')),
        slot_minutes integer NOT NULL DEFAULT 30 CHECK (slot_minutes IN (15, 30, 60)),
        min_duration_minutes integer NOT NULL DEFAULT 60 CHECK (min_duration_minutes > 0),
        max_duration_minutes integer NOT NULL DEFAULT 720 CHECK (max_duration_minutes >= min_duration_minutes),
        lead_time_minutes integer NOT NULL DEFAULT 0 CHECK (lead_time_minutes >= 0),
        horizon_days integer NOT NULL DEFAULT 90 CHECK (horizon_days BETWEEN 1 AND 730),
        cancellation_deadline_hours integer NOT NULL DEFAULT 24 CHECK (cancellation_deadline_hours >= 0),
        price_per_hour_cents integer CHECK (price_per_hour_cents >= 0),
        price_per_day_cents integer CHECK (price_per_day_cents >= 0),
        club_price_per_hour_cents integer CHECK (club_price_per_hour_cents >= 0),
        house_rules text NOT NULL DEFAULT '',
        access_instructions text NOT NULL DEFAULT '',
        holidays_closed boolean NOT NULL DEFAULT true,
        published boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX spaces_organization_idx ON spaces (organization_id)`);
    await q.query(`CREATE INDEX spaces_published_municipality_idx ON spaces (municipality) WHERE published`);

    await q.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES resources(id),
        kind text NOT NULL CHECK (kind IN ('desk', 'room', 'part')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        features text[] NOT NULL DEFAULT '{}',
        capacity integer CHECK (capacity > 0),
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'part') = (parent_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX resources_space_idx ON resources (space_id)`);
    await q.query(`CREATE INDEX resources_parent_idx ON resources (parent_id) WHERE parent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE opening_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        opens time NOT NULL,
        closes time NOT NULL,
        CHECK (closes > opens),
        EXCLUDE USING gist (space_id WITH =, weekday WITH =, tsrange('2000-01-01'::date + opens, '2000-01-01'::date + closes) WITH &&)
      )`);

    await q.query(`
      CREATE TABLE closures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        resource_id uuid REFERENCES resources(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX closures_space_idx ON closures (space_id, starts_on)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'closures', 'opening_hours', 'resources', 'spaces', 'memberships', 'users', 'organizations']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
