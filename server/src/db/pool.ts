import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Queryable } from './queryable';

/**
 * node-postgres's pool behind the data source, for the few statements every request runs (its
 * session and signed-in person, a space's calendar, a booking's write): TypeORM's query runner
 * around each of them cost a tenth of a booking's time in Node. Same connections, same settings.
 */
export function poolQueryable(dataSource: DataSource): Queryable {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  return { query: async (sql, parameters) => (await pool.query(sql as string | pg.QueryConfig, parameters as unknown[])).rows };
}
