import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Queryable } from './queryable';

/** node-postgres's pool that TypeORM keeps behind the data source. */
export const poolOf = (dataSource: DataSource): pg.Pool => (dataSource.driver as unknown as { master: pg.Pool }).master;

const onClient = (client: pg.Pool | pg.PoolClient): Queryable => ({
  query: async (sql, parameters) => (await client.query(sql as string | pg.QueryConfig, parameters as unknown[])).rows,
});

/**
 * node-postgres's pool behind the data source, for the few statements every request runs (its
 * session and signed-in person, a space's calendar, a booking's write): TypeORM's query runner
 * around each of them cost a tenth of a booking's time in Node. Same connections, same settings.
 */
export function poolQueryable(dataSource: DataSource): Queryable {
  return onClient(poolOf(dataSource));
}

/**
 * One pooled connection for several statements that need no transaction. Taking a connection
 * per statement instead queues each of them behind every other request: in a rush of 100
 * bookings for ten desks, a refused request's ten attempts waited ten times, seconds in all.
 */
export async function withConnection<T>(dataSource: DataSource, work: (db: Queryable) => Promise<T>): Promise<T> {
  const client = await poolOf(dataSource).connect();
  // A checked-out client whose connection breaks emits 'error', which would end the process
  // unheard; such a client is destroyed on release instead of going back to the pool.
  let broken: Error | undefined;
  const onError = (err: Error) => (broken = err);
  client.on('error', onError);
  try {
    return await work(onClient(client));
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
