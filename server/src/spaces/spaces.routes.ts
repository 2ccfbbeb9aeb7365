import { availabilityQuerySchema, availabilitySchema, spaceDetailSchema, spaceIdParamsSchema, spaceListQuerySchema, spaceListSchema, spaceRefParamsSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { SpaceService } from './spaces.service';

export function spaceRoutes(spaces: SpaceService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/spaces',
      summary: 'Search published spaces: window, kind, town, near/postcode with radius, capacity, amenities, text',
      access: 'public',
      response: spaceListSchema,
      query: spaceListQuerySchema,
      handler: ({ query }) => spaces.search(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/spaces/:idOrSlug',
      summary: 'A space with its resources, opening hours, closures, holidays, rules and prices',
      access: 'public',
      response: spaceDetailSchema,
      params: spaceRefParamsSchema,
      handler: ({ actor, params }) => spaces.detail(actor, params.idOrSlug),
    }),
    defineRoute({
      method: 'get',
      path: '/api/spaces/:id/availability',
      summary: 'Free and busy intervals per resource, free desks per slot and whole-day availability (max 62 days)',
      access: 'public',
      response: availabilitySchema,
      params: spaceIdParamsSchema,
      query: availabilityQuerySchema,
      handler: ({ actor, params, query }) => spaces.availability(actor, params.id, query),
    }),
  ];
}
