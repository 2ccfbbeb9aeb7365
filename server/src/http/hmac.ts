import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Signing of outgoing webhooks (documented in docs/integrations.md). The receiver recomputes
 * HMAC-SHA256 with the shared secret over `<timestamp>.<raw body>` and compares; the timestamp
 * (Unix seconds) is inside the signature, so a captured request cannot be replayed later with a
 * fresh timestamp, and a receiver can refuse old ones.
 */
export const TIMESTAMP_HEADER = 'X-Landraeume-Timestamp';
export const SIGNATURE_HEADER = 'X-Landraeume-Signature';
const SCHEME = 'v1=';

export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Headers for one signed request: the timestamp and `v1=<hex signature>`. */
export function signedHeaders(secret: string, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: `${SCHEME}${signature(secret, timestamp, body)}` };
}

/** What a receiver does: recompute, compare in constant time, refuse stale timestamps. */
export function verifySignature(secret: string, headers: { timestamp: string | undefined; signature: string | undefined }, body: string, options: { now?: Date; toleranceSeconds?: number } = {}): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || !headers.signature?.startsWith(SCHEME)) return false;
  const age = Math.abs((options.now ?? new Date()).getTime() / 1000 - timestamp);
  if (age > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signature(secret, timestamp, body), 'hex');
  const given = Buffer.from(headers.signature.slice(SCHEME.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
