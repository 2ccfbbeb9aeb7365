import { closureCreateSchema, closureSchema, createdResourceSchema, idParamsSchema, managedSpaceDetailSchema, managedSpaceListSchema, managedSpaceParamsSchema, openingHoursSchema, resourceCreateSchema, resourceSchema, resourceUpdateSchema, spaceClosureParamsSchema, spaceCreateSchema, spaceResourceParamsSchema, spaceUpdateSchema } from '@landraeume/shared';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { SpaceManagementService } from './space-management.service';
import type { SpaceSetupService } from './space-setup.service';

const emptyBody = z.object({}).strict();

export function spaceManagementRoutes(spaces: SpaceManagementService, setup: SpaceSetupService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/organizations/:id/spaces',
      summary: 'All spaces of a municipality or provider, published or not, with their resource counts (its people and the platform team)',
      access: 'verified',
      response: managedSpaceListSchema,
      params: idParamsSchema,
      handler: async ({ actor, params }) => ({ items: await spaces.listOfOrganization(actor!, params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/spaces',
      summary: 'Create a space (unpublished) for a municipality or provider',
      access: 'verified',
      response: managedSpaceDetailSchema,
      body: spaceCreateSchema,
      status: 201,
      handler: ({ actor, body }) => spaces.create(actor!, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/spaces/:id',
      summary: 'Edit a space: description, address, amenities, photos, rules, prices, holiday opt-out',
      access: 'verified',
      response: managedSpaceDetailSchema,
      params: managedSpaceParamsSchema,
      body: spaceUpdateSchema,
      handler: ({ actor, params, body }) => spaces.update(actor!, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/spaces/:id/publish',
      summary: 'Publish a space that has active resources and opening hours',
      access: 'verified',
      response: managedSpaceDetailSchema,
      params: managedSpaceParamsSchema,
      body: emptyBody,
      handler: ({ actor, params }) => spaces.setPublished(actor!, params.id, true),
    }),
    defineRoute({
      method: 'post',
      path: '/api/spaces/:id/unpublish',
      summary: 'Take a space out of search; existing bookings stay',
      access: 'verified',
      response: managedSpaceDetailSchema,
      params: managedSpaceParamsSchema,
      body: emptyBody,
      handler: ({ actor, params }) => spaces.setPublished(actor!, params.id, false),
    }),
    defineRoute({
      method: 'post',
      path: '/api/spaces/:id/resources',
      summary: 'Add a desk or a room (with parts for a divisible hall)',
      access: 'verified',
      response: createdResourceSchema,
      params: managedSpaceParamsSchema,
      body: resourceCreateSchema,
      status: 201,
      handler: ({ actor, params, body }) => setup.addResource(actor!, params.id, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/spaces/:id/resources/:resourceId',
      summary: 'Rename, re-equip, disable or enable a resource (never deleted)',
      access: 'verified',
      response: resourceSchema,
      params: spaceResourceParamsSchema,
      body: resourceUpdateSchema,
      handler: ({ actor, params, body }) => setup.updateResource(actor!, params.id, params.resourceId, body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/spaces/:id/opening-hours',
      summary: 'Replace the weekly opening hours (several intervals a day)',
      access: 'verified',
      response: managedSpaceDetailSchema,
      params: managedSpaceParamsSchema,
      body: openingHoursSchema,
      handler: ({ actor, params, body }) => setup.setOpeningHours(actor!, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/spaces/:id/closures',
      summary: 'Close the space or one resource for a day or a period',
      access: 'verified',
      response: closureSchema,
      params: managedSpaceParamsSchema,
      body: closureCreateSchema,
      status: 201,
      handler: ({ actor, params, body }) => setup.addClosure(actor!, params.id, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/spaces/:id/closures/:closureId',
      summary: 'Remove a closure',
      access: 'verified',
      response: null,
      params: spaceClosureParamsSchema,
      handler: ({ actor, params }) => setup.removeClosure(actor!, params.id, params.closureId),
    }),
  ];
}
