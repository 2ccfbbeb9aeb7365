import http from 'node:http';
import https from 'node:https';
import { guardedLookup, literalRefusal, type TargetPolicy } from './url-guard';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Only the status matters; a receiver's answer is read no further than this. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  policy: TargetPolicy;
  timeoutMs?: number;
}

/**
 * POSTs one webhook and answers the receiver's status code; network errors, refused targets and
 * timeouts reject. Redirects are not followed: they could lead to an address the guard refuses.
 */
export function postWebhook(req: WebhookRequest): Promise<number> {
  const url = new URL(req.url);
  const refused = literalRefusal(url, req.policy);
  if (refused) return Promise.reject(new Error(`webhook target refused: ${refused}`));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...req.headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(req.body).toString() },
        lookup: guardedLookup(url.protocol, req.policy) as never,
        timeout: req.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        res.on('close', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(res.statusCode ?? 0));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${(req.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s`)));
    request.on('error', reject);
    request.end(req.body);
  });
}
