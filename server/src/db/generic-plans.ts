import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Queryable } from './queryable';

export interface GenericPlanPool extends Queryable {
  close(): Promise<void>;
}

/**
 * A few connections of their own for the search, whose named statements always run
 * PostgreSQL's generic plan. The search statement is large: planning it for each call took
 * 1.6 ms of its 5.5 ms, and PostgreSQL's own choice kept planning it anew every time. The
 * generic plan reads the same indexes (the nearest-first index for near=). The setting is
 * only for these connections: on the app's own pool it would also give every one-off query
 * a plan made without its values.
 */
export function createGenericPlanPool(dataSource: DataSource, log: Logger, size = 4): GenericPlanPool {
  const { url } = dataSource.options as { url?: string };
  // Without the app's URL, node-postgres would quietly connect wherever its PG* defaults point.
  if (!url) throw new Error('the search connections need the data source to be made from a URL (createDataSource)');
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'landraeume-search',
    statement_timeout: 30_000,
    // As the app's pool (data-source.ts), plus the generic plans.
    options: '-c random_page_cost=1.1 -c plan_cache_mode=force_generic_plan',
  });
  // An idle connection that breaks is replaced on the next query; unhandled, the event would end the process.
  pool.on('error', (err) => log.warn({ err }, 'search connection lost'));
  return {
    query: async (sql, parameters) => (await pool.query(sql as string | pg.QueryConfig, parameters as unknown[])).rows,
    close: () => pool.end(),
  };
}
