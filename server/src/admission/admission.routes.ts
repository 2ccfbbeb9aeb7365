import { decisionReasonSchema, idParamsSchema, organizationStatusSchema, providerApplicationCreateSchema, providerApplicationListQuerySchema, providerApplicationListSchema, providerApplicationSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { OrganizationSuspensionService } from './organization-suspension.service';
import type { ProviderApplicationService } from './provider-applications.service';

export function admissionRoutes(applications: ProviderApplicationService, suspensions: OrganizationSuspensionService): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/provider-applications',
      summary: 'Apply to offer rooms: founds the (not yet admitted) provider with the applicant as its admin',
      access: 'verified',
      body: providerApplicationCreateSchema,
      response: providerApplicationSchema,
      status: 201,
      handler: ({ actor, body }) => applications.apply(actor!, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/provider-applications',
      summary: "Applications to decide (the municipality's town, all for the platform team) and one's own",
      access: 'signed_in',
      query: providerApplicationListQuerySchema,
      response: providerApplicationListSchema,
      handler: async ({ actor, query }) => ({ items: await applications.list(actor!, query.status) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/provider-applications/:id',
      summary: 'One application — its applicant and its deciders',
      access: 'signed_in',
      params: idParamsSchema,
      response: providerApplicationSchema,
      handler: ({ actor, params }) => applications.get(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/provider-applications/:id/admit',
      summary: "Admit the provider — admins of its town's municipality, platform admins",
      access: 'verified',
      params: idParamsSchema,
      response: providerApplicationSchema,
      handler: ({ actor, params }) => applications.admit(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/provider-applications/:id/decline',
      summary: "Decline the application with a reason — admins of its town's municipality, platform admins",
      access: 'verified',
      params: idParamsSchema,
      body: decisionReasonSchema,
      response: providerApplicationSchema,
      handler: ({ actor, params, body }) => applications.decline(actor!, params.id, body.reason),
    }),
    defineRoute({
      method: 'post',
      path: '/api/organizations/:id/suspend',
      summary: 'Suspend a provider: its spaces leave search, its bookings stay and their bookers are told',
      access: 'verified',
      params: idParamsSchema,
      body: decisionReasonSchema,
      response: organizationStatusSchema,
      handler: ({ actor, params, body }) => suspensions.suspend(actor!, params.id, body.reason),
    }),
    defineRoute({
      method: 'post',
      path: '/api/organizations/:id/reinstate',
      summary: 'Lift a suspension',
      access: 'verified',
      params: idParamsSchema,
      response: organizationStatusSchema,
      handler: ({ actor, params }) => suspensions.reinstate(actor!, params.id),
    }),
  ];
}
