import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations/index';
import { entities } from './entities';

export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    // The schema changes only through migrations/, never by inspecting entities.
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'landraeume',
    extra: {
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Keeps one slow query from holding a pool slot forever; long reports set their own.
      statement_timeout: 30_000,
      // PostgreSQL's default random_page_cost (4) prices an index lookup for a spinning disk; on
      // SSDs and a cached working set it makes the planner scan all 50,000 resources of the
      // search benchmark rather than read the 300 of a page's spaces by index (11 ms vs 6 ms).
      options: '-c random_page_cost=1.1',
    },
  });
}
