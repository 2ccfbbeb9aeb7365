import { spaceListQuerySchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { SpaceService } from './spaces.service';

export function spaceRoutes(spaces: SpaceService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/spaces',
      summary: 'Published spaces, filtered by kind, town and text',
      access: 'public',
      query: spaceListQuerySchema,
      handler: ({ query }) => spaces.listPublished(query),
    }),
  ];
}
