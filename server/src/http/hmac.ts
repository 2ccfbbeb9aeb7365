import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The signature of every request Landräume sends to another system — organisation webhooks and
 * lock adapters alike (documented in docs/integrations.md): HMAC-SHA256 with the shared secret
 * over "<timestamp>.<raw body>", hex, sent as `Landraeume-Signature: v1=<hex>` beside
 * `Landraeume-Timestamp`. The timestamp (Unix seconds) is signed too, so a captured request
 * cannot be replayed later with a fresh timestamp, and a receiver can refuse old ones.
 */
export const TIMESTAMP_HEADER = 'Landraeume-Timestamp';
export const SIGNATURE_HEADER = 'Landraeume-Signature';
export const SIGNATURE_VERSION = 'v1';

export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export const signatureHeader = (secret: string, timestamp: number, body: string) => `${SIGNATURE_VERSION}=${sign(secret, timestamp, body)}`;

/** Headers for one signed request: the timestamp and its signature. */
export function signedHeaders(secret: string, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body) };
}

/**
 * What a receiver does; here for tests and as the reference for the documentation: recompute,
 * compare in constant time against any `v1=` signature of the header, refuse stale timestamps.
 */
export function verify(secret: string, header: string, timestamp: string, body: string, options: { now?: number; toleranceSeconds?: number } = {}): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(secret, ts, body), 'hex');
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .some((part) => {
      const given = Buffer.from(part.slice(SIGNATURE_VERSION.length + 1), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
