import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search's candidates straight from the nearest-first index: it now carries what the search
 * statement reads of each space (its calendar version, buffers, name, town and position), so
 * the page's spaces come without a visit to the table. Whether the provider is admitted and
 * active is decided from the space catalog, which holds it at the same version.
 */
export class CandidatesFromIndex1764000017000 implements MigrationInterface {
  name = 'CandidatesFromIndex1764000017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX spaces_listed_geo_idx ON spaces USING gist (kind, geo_point(lat, lon))
         INCLUDE (id, calendar_version, setup_minutes, cleanup_minutes, name, municipality, lat, lon) WHERE published`,
    );
    await q.query(`DROP INDEX spaces_published_geo_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX spaces_published_geo_idx ON spaces USING gist (kind, geo_point(lat, lon)) WHERE published`);
    await q.query(`DROP INDEX spaces_listed_geo_idx`);
  }
}
