import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestId } from './request-id';

declare module 'http' {
  interface IncomingMessage {
    /** The request's own logger, carrying its id, method and path. */
    log: Logger;
  }
}

/** A feed URL is its own key, so logs keep only the path's shape; query strings are dropped too. */
export const withoutSecrets = (url: string) => url.split('?')[0]!.replace(/^\/ical\/u\/[^/]+/, '/ical/u/[redacted]');

/**
 * One line per answer: errors and server failures as such, refusals (4xx) as info, the rest as
 * debug, with the request id (a proxy's X-Request-Id when harmless) and the signed-in user. The
 * request's child logger is made only when something is written: pino-http made one for every
 * request and serialized it even where nothing was logged, a fifth of a bare request's time.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const id = requestId(req, res);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (child ??= log.child({ req: { id, method: req.method, url: withoutSecrets(req.originalUrl ?? req.url) } })),
    });
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug';
      if (!log.isLevelEnabled(level)) return;
      req.log[level]({ res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started), userId: req.user?.id }, 'request completed');
    });
    next();
  };
}
