import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const API_PREFIXES = ['/api/', '/ical/', '/healthz', '/readyz', '/metrics'];

/** Serves the built SPA; unknown non-API GETs get index.html so client-side routes survive a reload. */
export function staticClient(clientDir: string): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  if (!existsSync(index)) return router;
  router.use(express.static(clientDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  router.get(/.*/, (req, res, next) => {
    if (API_PREFIXES.some((prefix) => req.path === prefix.replace(/\/$/, '') || req.path.startsWith(prefix)) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
