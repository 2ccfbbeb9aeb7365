import { healthSchema, readinessSchema } from '@landraeume/shared';
import type { DataSource } from 'typeorm';
import { DomainError } from '../http/errors';
import type { Drain } from '../http/drain';
import { defineRoute, type AnyRoute } from '../http/route';

export function healthRoutes(dataSource: DataSource, drain?: Pick<Drain, 'active'>): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      summary: 'The process is up',
      access: 'public',
      response: healthSchema,
      handler: () => ({ status: 'ok' }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      summary: 'The database is reachable and the server is not shutting down (503 otherwise)',
      access: 'public',
      response: readinessSchema,
      async handler() {
        if (drain?.active) throw new DomainError('service_unavailable', 'The server is shutting down');
        try {
          await dataSource.query('SELECT 1');
        } catch {
          throw new DomainError('service_unavailable', 'The database is not reachable');
        }
        return { status: 'ready', database: 'ok' };
      },
    }),
  ];
}
