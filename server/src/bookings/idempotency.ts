import { createHash } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { DomainError } from '../http/errors';

const KEY_LIFETIME = `interval '24 hours'`;

export const requestHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

export type Claimed = { kind: 'new' } | { kind: 'replay'; status: number; response: unknown };

/**
 * Takes the key inside the caller's transaction. A concurrent retry waits on the key's row
 * until the first request commits, then reads its stored answer: one booking, identical answers.
 */
export async function claimKey(qr: QueryRunner, userId: string, key: string, hash: string): Promise<Claimed> {
  const inserted = (await qr.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, response = NULL, created_at = now()
       WHERE idempotency_keys.created_at < now() - ${KEY_LIFETIME}
     RETURNING user_id`,
    [userId, key, hash],
  )) as unknown[];
  if (inserted.length) return { kind: 'new' };
  const [stored] = (await qr.query(`SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [userId, key])) as {
    request_hash: string;
    status: number;
    response: unknown;
  }[];
  if (!stored || stored.request_hash !== hash) throw new DomainError('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
  return { kind: 'replay', status: stored.status, response: stored.response };
}

export async function storeAnswer(qr: QueryRunner, userId: string, key: string, status: number, response: unknown): Promise<void> {
  await qr.query(`UPDATE idempotency_keys SET status = $3, response = $4 WHERE user_id = $1 AND key = $2`, [userId, key, status, JSON.stringify(response)]);
}

export async function purgeExpiredKeys(run: (sql: string) => Promise<unknown>): Promise<void> {
  await run(`DELETE FROM idempotency_keys WHERE created_at < now() - ${KEY_LIFETIME}`);
}
