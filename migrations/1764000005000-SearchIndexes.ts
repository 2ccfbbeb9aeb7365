import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search asks "which units are taken in this window" across all spaces at once. The exclusion
 * index leads with the unit, so it answers per unit; an index on the period alone finds the few
 * thousand claims of a day among a million directly. Location gets a btree for the bounding box.
 */
export class SearchIndexes1764000005000 implements MigrationInterface {
  name = 'SearchIndexes1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX booking_claims_active_period_idx ON booking_claims USING gist (period) INCLUDE (unit_id) WHERE active`);
    await q.query(`CREATE INDEX spaces_published_lat_lon_idx ON spaces (lat, lon) WHERE published`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX spaces_published_lat_lon_idx`);
    await q.query(`DROP INDEX booking_claims_active_period_idx`);
  }
}
