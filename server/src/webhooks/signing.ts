import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * The signature of a webhook request (documented in docs/integrations.md): HMAC-SHA256 with the
 * endpoint's secret over "<timestamp>.<raw body>", hex, sent as `Landraeume-Signature: v1=<hex>`.
 * The timestamp (Unix seconds) is signed too, so a receiver can refuse replays of old requests.
 */

export const SIGNATURE_VERSION = 'v1';

/** 256 random bits, prefixed so a leaked secret is recognisable in a secret scanner. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export const signatureHeader = (secret: string, timestamp: number, body: string) => `${SIGNATURE_VERSION}=${sign(secret, timestamp, body)}`;

/** What a receiver does; here for tests and as the reference for the documentation. */
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
