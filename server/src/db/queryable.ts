/**
 * Anything that runs SQL: the data source (a pooled connection per query) or a query runner
 * (one connection, inside its transaction). Readers that a transaction may call take this, so
 * that a transaction never waits for a second pooled connection while holding its first.
 */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}
