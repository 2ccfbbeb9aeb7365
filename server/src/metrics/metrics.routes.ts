import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Metrics } from './metrics';

export function metricsRoutes(metrics: Metrics): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics of this process: HTTP latency, bookings, outbox queue and failures, database pool',
      access: 'operator',
      response: z.string(),
      contentType: 'text/plain; version=0.0.4',
      handler: async (_input, { res }) => {
        const text = await metrics.registry.metrics();
        res.setHeader('Content-Type', metrics.registry.contentType);
        res.send(text);
      },
    }),
  ];
}
