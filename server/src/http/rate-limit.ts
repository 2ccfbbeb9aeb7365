import { createHmac } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type pg from 'pg';
import { DomainError } from './errors';

export interface LimitSpec {
  points: number;
  durationSeconds: number;
}

/** Attempts allowed per window. Counters live in PostgreSQL, so every app server sees the same count. */
export interface RateLimitConfig {
  loginPerIp: LimitSpec;
  loginPerAccount: LimitSpec;
  registerPerIp: LimitSpec;
  resetPerIp: LimitSpec;
  resetPerAccount: LimitSpec;
  /** Survey answers from one address: one browser answers once, but a script could make up keys. */
  surveyPerIp: LimitSpec;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  loginPerIp: { points: 50, durationSeconds: 15 * 60 },
  loginPerAccount: { points: 10, durationSeconds: 15 * 60 },
  registerPerIp: { points: 10, durationSeconds: 60 * 60 },
  resetPerIp: { points: 10, durationSeconds: 60 * 60 },
  resetPerAccount: { points: 3, durationSeconds: 60 * 60 },
  surveyPerIp: { points: 30, durationSeconds: 60 * 60 },
};

export interface RateLimiter {
  consume(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export type RateLimiters = Record<keyof RateLimitConfig, RateLimiter>;

/**
 * Counters are keyed by e-mail addresses and IP addresses; a keyed hash keeps that personal data
 * out of the table while the same input still finds the same counter.
 */
export function createRateLimiters(pool: pg.Pool, config: RateLimitConfig, secret: string): RateLimiters {
  const keyOf = (key: string) => createHmac('sha256', secret).update(key.trim().toLowerCase()).digest('base64url');
  const build = (name: string, spec: LimitSpec): RateLimiter => {
    const limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix: name,
      points: spec.points,
      duration: spec.durationSeconds,
    });
    return {
      async consume(key) {
        try {
          await limiter.consume(keyOf(key));
        } catch (err) {
          if (!(err instanceof RateLimiterRes)) throw err;
          const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
          throw new DomainError('rate_limited', 'Too many attempts, please wait before trying again', { retryAfterSeconds });
        }
      },
      async reset(key) {
        await limiter.delete(keyOf(key));
      },
    };
  };
  return Object.fromEntries(Object.entries(config).map(([name, spec]) => [name, build(name, spec)])) as RateLimiters;
}
