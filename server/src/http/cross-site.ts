import type { RequestHandler } from 'express';
import { DomainError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection without a token dance: browsers say where a request
 * comes from (Sec-Fetch-Site, Origin), and a cross-site form cannot send application/json
 * without a CORS preflight we never grant. API clients that send neither header still work.
 */
export function crossSiteProtection(publicUrl: string): RequestHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.get('sec-fetch-site') === 'cross-site') throw new DomainError('cross_site_request', 'Cross-site requests are not accepted');
    const origin = req.get('origin');
    if (origin !== undefined && origin !== ownOrigin) throw new DomainError('cross_site_request', 'Requests from other origins are not accepted');
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is('application/json')) throw new DomainError('unsupported_media_type', 'Request bodies must be application/json');
    next();
  };
}
