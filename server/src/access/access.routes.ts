import { bookingAccessSchema, bookingIdParamsSchema, idParamsSchema, keyBoardQuerySchema, keyBoardSchema, keyHandoverSchema } from '@landraeume/shared';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import type { BookingAccessService } from './booking-access.service';
import type { KeyHandoverService } from './key-handover.service';

const emptyBody = z.object({}).strict();

export function accessRoutes(deps: { access: BookingAccessService; keys: KeyHandoverService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/bookings/:id/access',
      summary: 'How the booker of a confirmed booking gets in: instructions, key pickup and return, and the door code inside its window',
      access: 'signed_in',
      response: bookingAccessSchema,
      params: bookingIdParamsSchema,
      handler: ({ actor, params }) => deps.access.forBooker(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/bookings/:id/key-out',
      summary: 'Record that the key was handed out (staff of the space’s organization)',
      access: 'verified',
      response: keyHandoverSchema,
      params: bookingIdParamsSchema,
      body: emptyBody,
      handler: ({ actor, params }) => deps.keys.keyOut(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/bookings/:id/key-back',
      summary: 'Record that the key came back (staff of the space’s organization)',
      access: 'verified',
      response: keyHandoverSchema,
      params: bookingIdParamsSchema,
      body: emptyBody,
      handler: ({ actor, params }) => deps.keys.keyBack(actor!, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/organizations/:id/keys',
      summary: 'Key board: key handovers in a window (default today and the next six days), keys out and overdue',
      access: 'verified',
      response: keyBoardSchema,
      params: idParamsSchema,
      query: keyBoardQuerySchema,
      handler: ({ actor, params, query }) => deps.keys.board(actor!, params.id, query),
    }),
  ];
}
