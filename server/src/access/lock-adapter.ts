import type { LockAdapterName } from '@landraeume/shared';
import { signedHeaders } from '../http/hmac';

/** Where a space's lock system listens, and the secret it shares with us. */
export interface LockTarget {
  url: string;
  secret: string;
}

/** A code the lock must accept for one booking's time (from the code window's start to the booking's end). */
export interface LockGrant {
  bookingId: string;
  spaceId: string;
  code: string;
  validFrom: string;
  validUntil: string;
}

/**
 * A lock system. `grant` makes the lock accept a code for a period, `revoke` takes it back
 * (cancelled booking). Both must be idempotent: the outbox delivers at least once. A failure is
 * thrown; the outbox retries with backoff. A vendor is one more adapter under its own name.
 */
export interface LockAdapter {
  grant(target: LockTarget, grant: LockGrant): Promise<void>;
  revoke(target: LockTarget, booking: { bookingId: string; spaceId: string }): Promise<void>;
}

const TIMEOUT_MS = 10_000;

/** POSTs signed JSON to the space's URL; anything but a 2xx answer counts as failed. */
async function postSigned(target: LockTarget, payload: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify(payload);
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'Landraeume-Lock/1', ...signedHeaders(target.secret, body) },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'error',
  });
  // The status only: the receiver's answer could echo the code, and failures are logged.
  if (!res.ok) throw new Error(`lock system answered ${res.status}`);
}

export const webhookLockAdapter: LockAdapter = {
  grant: (target, grant) => postSigned(target, { event: 'access.granted', ...grant }),
  revoke: (target, booking) => postSigned(target, { event: 'access.revoked', ...booking }),
};

export const LOCK_ADAPTER_REGISTRY: Record<LockAdapterName, LockAdapter> = {
  webhook: webhookLockAdapter,
};
