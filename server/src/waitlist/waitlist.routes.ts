import { waitlistAcceptedSchema, waitlistEntryListSchema, waitlistEntrySchema, waitlistIdParamsSchema, waitlistJoinSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { WaitlistOffers } from './waitlist-offers';
import type { WaitlistService } from './waitlist.service';

export function waitlistRoutes(service: WaitlistService, offers: WaitlistOffers): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/waitlist',
      summary: 'Wait for a taken slot: when it frees up it is held for me (or, with autoBook, booked for me)',
      access: 'verified',
      response: waitlistEntrySchema,
      body: waitlistJoinSchema,
      status: 201,
      handler: ({ actor, body }) => service.join(actor!, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/waitlist',
      summary: 'My waitlist entries for times not yet over, with my place in line or the offer held for me',
      access: 'signed_in',
      response: waitlistEntryListSchema,
      handler: ({ actor }) => service.mine(actor!),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/waitlist/:id',
      summary: 'Leave a waitlist; an offer given back goes to the next in line',
      access: 'signed_in',
      response: null,
      params: waitlistIdParamsSchema,
      handler: ({ actor, params }) => service.leave(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/waitlist/:id/accept',
      summary: 'Take the slot held for me: the offer becomes my booking',
      access: 'verified',
      response: waitlistAcceptedSchema,
      params: waitlistIdParamsSchema,
      handler: ({ actor, params }) => offers.accept(actor!, params.id),
    }),
  ];
}
