import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Nearest first" from an index. A space becomes a point on the unit sphere (a `cube`); the
 * straight-line distance between two such points grows with the great-circle distance, so the
 * GiST index hands out spaces nearest first and a search stops reading after one page, instead
 * of computing and sorting the distance of every space in a bounding box. The function has a
 * standard SQL body, bound when it is created: a restore with an empty search_path still finds
 * `cube` (the index on earthdistance's ll_to_earth is known to break there).
 */
export class NearestSpaces1764000014000 implements MigrationInterface {
  name = 'NearestSpaces1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(
      `CREATE FUNCTION geo_point(lat double precision, lon double precision) RETURNS cube
         LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         RETURN cube(ARRAY[cos(radians(lat)) * cos(radians(lon)), cos(radians(lat)) * sin(radians(lon)), sin(radians(lat))])`,
    );
    await q.query(`CREATE INDEX spaces_published_geo_idx ON spaces USING gist (kind, geo_point(lat, lon)) WHERE published`);
    await q.query(`DROP INDEX spaces_published_lat_lon_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX spaces_published_lat_lon_idx ON spaces (lat, lon) WHERE published`);
    await q.query(`DROP INDEX spaces_published_geo_idx`);
    await q.query(`DROP FUNCTION geo_point(double precision, double precision)`);
  }
}
