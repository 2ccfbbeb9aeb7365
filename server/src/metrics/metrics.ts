import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { poolOf } from '../db/pool';
import type { BookingCounter } from './booking-counter';

export interface Metrics {
  registry: Registry;
  bookings: BookingCounter;
  /** Counts outbox handler failures (a mail that could not be sent), by job kind. */
  outboxFailed(kind: string): void;
  /** Times each request, labelled by its route pattern, never the raw URL (ids would explode the series). */
  httpTimer: RequestHandler;
}

/**
 * One registry per app, so several apps in one test process never share series. Queue depth and
 * pool usage are read when Prometheus scrapes, so every replica reports the cluster's one queue.
 */
export function createMetrics(db: DataSource): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const pool = poolOf(db);

  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const created = new Counter({ name: 'bookings_created_total', help: 'Bookings created, by kind', labelNames: ['kind'] as const, registers: [registry] });
  const cancelled = new Counter({ name: 'bookings_cancelled_total', help: 'Bookings cancelled, by kind', labelNames: ['kind'] as const, registers: [registry] });
  const failures = new Counter({ name: 'outbox_job_failures_total', help: 'Outbox jobs whose handler failed (retried later, dead after the last try)', labelNames: ['kind'] as const, registers: [registry] });
  new Gauge({
    name: 'outbox_jobs',
    help: 'Outbox jobs waiting (pending) or given up (dead), read from the database at scrape time',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      // With the database gone the scrape still answers (pool and process figures matter most
      // then); the queue depth is left out rather than reported stale.
      this.reset();
      try {
        const rows = (await db.query(`SELECT s.status, count(j.id)::int AS n FROM (VALUES ('pending'), ('dead')) s(status) LEFT JOIN outbox_jobs j ON j.status = s.status GROUP BY s.status`)) as { status: string; n: number }[];
        for (const row of rows) this.set({ status: row.status }, row.n);
      } catch {
        // reported by /readyz and the logs
      }
    },
  });
  new Gauge({
    name: 'pg_pool_connections',
    help: 'Database connections of this process: total, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  return {
    registry,
    bookings: {
      created: (kind, count = 1) => created.inc({ kind }, count),
      cancelled: (kind, count = 1) => cancelled.inc({ kind }, count),
    },
    outboxFailed: (kind) => failures.inc({ kind }),
    httpTimer: (req, res, next) => {
      const end = duration.startTimer();
      res.once('finish', () => {
        const route = req.route ? `${req.baseUrl}${(req.route as { path: string }).path}` : 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    },
  };
}
