import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two things that let a space's calendar be read without re-reading its fixed parts:
 *
 * - `spaces.calendar_version`: a number from one sequence, new whenever the space, its
 *   resources, opening hours or closures, or its provider's name or standing change (triggers,
 *   in the transaction of the change). Read in the same statement as the bookings, it tells an
 *   app server whether its copy of the fixed parts (spaces/space-catalog.ts) is the one of that
 *   snapshot. Numbers are never reused, so an equal number means an equal calendar, whichever
 *   server asks and whatever committed in between.
 * - `booking_claims.space_id`: the claims of one space in a window through one range of a
 *   B-tree on (space, start), instead of a GiST probe per desk (~8 µs each; a search looks at
 *   ~25 spaces of ~13 units). A range needs a bound on how long a claim can be: a booking lasts
 *   at most 14 days and its buffers at most a day each (shared/space-management.ts), so a claim
 *   is checked to last at most 17 days (CLAIM_SPAN_LIMIT, server/src/bookings/claim-span.ts), and a window's claims start no earlier than
 *   that before it. (A GiST index on (space, period) was tried: with random UUIDs a probe read
 *   ~30 pages, 0.4 ms.) A composite foreign key to resources (id, space_id) keeps the column
 *   equal to the unit's space. The period-only index of the old search stays for this release,
 *   for servers of the previous one during a rolling upgrade (docs/operations.md); the next
 *   release's first migration drops it. The claim writer of the previous release names no space:
 *   a trigger fills it in from the unit.
 */
export class SpaceCalendarVersions1764000016000 implements MigrationInterface {
  name = 'SpaceCalendarVersions1764000016000';

  async up(q: QueryRunner): Promise<void> {
    // Every claim and space is rewritten: on a large database that outlasts the app's 30 s limit.
    await q.query(`SET LOCAL statement_timeout = 0`);
    await q.query(`CREATE SEQUENCE space_calendar_version_seq`);
    await q.query(`ALTER TABLE spaces ADD COLUMN calendar_version bigint NOT NULL DEFAULT nextval('space_calendar_version_seq')`);
    await q.query(`ALTER SEQUENCE space_calendar_version_seq OWNED BY spaces.calendar_version`);
    await q.query(
      `CREATE FUNCTION space_calendar_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.calendar_version := nextval('space_calendar_version_seq');
         RETURN NEW;
       END $$`,
    );
    await q.query(`CREATE TRIGGER spaces_calendar_version BEFORE UPDATE ON spaces FOR EACH ROW EXECUTE FUNCTION space_calendar_changed()`);
    await q.query(
      `CREATE FUNCTION space_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN UPDATE spaces SET calendar_version = DEFAULT WHERE id = OLD.space_id; END IF;
         IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.space_id IS DISTINCT FROM OLD.space_id) THEN
           UPDATE spaces SET calendar_version = DEFAULT WHERE id = NEW.space_id;
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const table of ['resources', 'opening_hours', 'closures']) {
      await q.query(`CREATE TRIGGER ${table}_calendar_version AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION space_part_changed()`);
    }
    // A provider's name is on every search result, its standing decides who sees the space.
    await q.query(
      `CREATE FUNCTION provider_of_spaces_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE spaces SET calendar_version = DEFAULT WHERE organization_id = NEW.id;
         RETURN NULL;
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER organizations_calendar_version AFTER UPDATE ON organizations FOR EACH ROW
        WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.status IS DISTINCT FROM NEW.status OR OLD.admission IS DISTINCT FROM NEW.admission)
        EXECUTE FUNCTION provider_of_spaces_changed()`,
    );

    await q.query(`ALTER TABLE booking_claims ADD COLUMN space_id uuid`);
    await q.query(`UPDATE booking_claims k SET space_id = r.space_id FROM resources r WHERE r.id = k.unit_id`);
    await q.query(`ALTER TABLE booking_claims ALTER COLUMN space_id SET NOT NULL`);
    // The booking writer names the space itself; this covers every other writer (seed, fixtures,
    // servers of the previous release during a rolling upgrade).
    await q.query(
      `CREATE FUNCTION claim_space_from_unit() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.space_id := (SELECT space_id FROM resources WHERE id = NEW.unit_id);
         RETURN NEW;
       END $$`,
    );
    await q.query(`CREATE TRIGGER booking_claims_space BEFORE INSERT ON booking_claims FOR EACH ROW WHEN (NEW.space_id IS NULL) EXECUTE FUNCTION claim_space_from_unit()`);
    await q.query(`ALTER TABLE resources ADD CONSTRAINT resources_id_space_key UNIQUE (id, space_id)`);
    await q.query(`ALTER TABLE booking_claims DROP CONSTRAINT booking_claims_unit_id_fkey`);
    await q.query(`ALTER TABLE booking_claims ADD CONSTRAINT booking_claims_unit_fkey FOREIGN KEY (unit_id, space_id) REFERENCES resources (id, space_id) ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE booking_claims ADD CONSTRAINT booking_claims_span_check CHECK (upper(period) - lower(period) <= interval '17 days')`);
    await q.query(`CREATE INDEX booking_claims_space_start_idx ON booking_claims (space_id, lower(period)) INCLUDE (period, unit_id) WHERE active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX booking_claims_space_start_idx`);
    await q.query(`ALTER TABLE booking_claims DROP CONSTRAINT booking_claims_span_check`);
    await q.query(`ALTER TABLE booking_claims DROP CONSTRAINT booking_claims_unit_fkey`);
    await q.query(`ALTER TABLE booking_claims ADD CONSTRAINT booking_claims_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES resources (id)`);
    await q.query(`ALTER TABLE resources DROP CONSTRAINT resources_id_space_key`);
    await q.query(`DROP TRIGGER booking_claims_space ON booking_claims`);
    await q.query(`DROP FUNCTION claim_space_from_unit()`);
    await q.query(`ALTER TABLE booking_claims DROP COLUMN space_id`);
    await q.query(`DROP TRIGGER organizations_calendar_version ON organizations`);
    await q.query(`DROP FUNCTION provider_of_spaces_changed()`);
    for (const table of ['resources', 'opening_hours', 'closures']) await q.query(`DROP TRIGGER ${table}_calendar_version ON ${table}`);
    await q.query(`DROP FUNCTION space_part_changed()`);
    await q.query(`DROP TRIGGER spaces_calendar_version ON spaces`);
    await q.query(`DROP FUNCTION space_calendar_changed()`);
    await q.query(`ALTER TABLE spaces DROP COLUMN calendar_version`);
  }
}
