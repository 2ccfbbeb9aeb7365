import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { DOCS_CSP, renderDocsPage } from './docs-page';
import { buildOpenApi } from './openapi';

/**
 * The document describes every route, these two included; `registry` is read on first use, when
 * it is complete. Built once per process: routes never change at run time.
 */
export function openApiRoutes(registry: () => AnyRoute[], info: { version: string; serverUrl: string }): AnyRoute[] {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  const doc = () => (document ??= buildOpenApi(registry(), info));
  let page: string | undefined;
  return [
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This API described as OpenAPI 3.1, generated from the route registry and the shared schemas',
      access: 'public',
      response: z.record(z.string(), z.unknown()),
      handler: () => doc(),
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs',
      summary: 'The API document as a readable page',
      access: 'public',
      response: z.string(),
      contentType: 'text/html',
      handler: (_input, { res }) => {
        page ??= renderDocsPage(doc() as Parameters<typeof renderDocsPage>[0]);
        res.setHeader('Content-Security-Policy', DOCS_CSP);
        res.type('html').send(page);
      },
    }),
  ];
}
