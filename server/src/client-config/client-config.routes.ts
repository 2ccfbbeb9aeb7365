import { clientConfigSchema, type ClientConfig } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';

/** Settings the operator chooses for the browser (the map's tile server), public as the page itself. */
export function clientConfigRoutes(config: ClientConfig): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/config',
      summary: 'The browser’s settings: map tile URL template and its attribution',
      access: 'public',
      response: clientConfigSchema,
      handler: () => config,
    }),
  ];
}
