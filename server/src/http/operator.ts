import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { OperatorCheck } from './route';

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Operators are whoever presents METRICS_TOKEN as a bearer token. Without a token only a direct
 * connection from this machine counts (a scraper beside the process); anything that came through
 * a proxy (forwarding headers) does not, since the proxy itself connects from loopback.
 */
export function operatorCheck(metricsToken: string | undefined): OperatorCheck {
  if (metricsToken) {
    const expected = digest(`Bearer ${metricsToken}`);
    return (req: Request) => timingSafeEqual(digest(req.get('authorization') ?? ''), expected);
  }
  return (req: Request) =>
    LOOPBACK.test(req.socket.remoteAddress ?? '') && !req.get('x-forwarded-for') && !req.get('forwarded') && !req.get('x-real-ip');
}
