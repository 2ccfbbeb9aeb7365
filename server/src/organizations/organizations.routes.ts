import { idParamsSchema, invitationAcceptedSchema, invitationCreateSchema, invitationSchema, memberListSchema, memberParamsSchema, organizationCreateSchema, organizationListSchema, organizationSchema, organizationUpdateSchema, roleChangeSchema, tokenBodySchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { InvitationService } from './invitations.service';
import type { OrganizationService } from './organizations.service';

export function organizationRoutes(organizations: OrganizationService, invitations: InvitationService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/organizations',
      summary: 'Organizations the signed-in person belongs to (all of them for platform admins)',
      access: 'signed_in',
      response: organizationListSchema,
      handler: async ({ actor }) => ({ items: await organizations.list(actor!) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/organizations',
      summary: 'Create an organization and appoint (or invite) its first admin — platform admins',
      access: 'verified',
      response: organizationSchema,
      body: organizationCreateSchema,
      status: 201,
      handler: ({ actor, body }) => organizations.create(actor!, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/organizations/:id',
      summary: 'One organization — its members and platform admins',
      access: 'signed_in',
      response: organizationSchema,
      params: idParamsSchema,
      handler: ({ actor, params }) => organizations.get(actor!, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/organizations/:id',
      summary: 'Change an organization’s details, suspend or reactivate it — platform admins',
      access: 'verified',
      response: organizationSchema,
      params: idParamsSchema,
      body: organizationUpdateSchema,
      handler: ({ actor, params, body }) => organizations.update(actor!, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/organizations/:id/members',
      summary: 'Members and their roles — admins of the organization',
      access: 'signed_in',
      response: memberListSchema,
      params: idParamsSchema,
      handler: async ({ actor, params }) => ({ items: await organizations.members(actor!, params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/organizations/:id/invitations',
      summary: 'Invite a person by e-mail — admins of the organization',
      access: 'verified',
      response: invitationSchema,
      params: idParamsSchema,
      body: invitationCreateSchema,
      status: 201,
      handler: ({ actor, params, body }) => invitations.invite(actor!, params.id, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/organizations/:id/members/:userId',
      summary: "Change a member's role — admins of the organization",
      access: 'verified',
      response: null,
      params: memberParamsSchema,
      body: roleChangeSchema,
      handler: ({ actor, params, body }) => organizations.changeRole(actor!, params.id, params.userId, body.role),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/organizations/:id/members/:userId',
      summary: 'Remove a member (admins), or leave (oneself)',
      access: 'signed_in',
      response: null,
      params: memberParamsSchema,
      handler: ({ actor, params }) => organizations.removeMember(actor!, params.id, params.userId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/invitations/accept',
      summary: 'Join the organization of an invitation sent to the signed-in e-mail address',
      access: 'signed_in',
      response: invitationAcceptedSchema,
      body: tokenBodySchema,
      handler: ({ actor, body }) => invitations.accept(actor!, body.token),
    }),
  ];
}
