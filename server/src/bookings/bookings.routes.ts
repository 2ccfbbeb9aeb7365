import { IDEMPOTENCY_KEY_PATTERN, bookingCreateSchema, bookingIdParamsSchema, bookingListQuerySchema, bookingListSchema, bookingReasonSchema, bookingRejectSchema, bookingSchema } from '@landraeume/shared';
import { DomainError } from '../http/errors';
import { defineRoute, type AnyRoute } from '../http/route';
import type { BookingCreateService } from './booking-create.service';
import type { BookingDecisions } from './booking-decisions.service';
import type { BookingQueries } from './bookings.query';

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new DomainError('invalid_input', 'The Idempotency-Key header must be 8–100 letters, digits or -_.:', { issues: [{ path: 'Idempotency-Key', message: 'idempotency_key.invalid' }] });
  }
  return header;
}

export function bookingRoutes(deps: { create: BookingCreateService; decisions: BookingDecisions; queries: BookingQueries }): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/bookings',
      summary: 'Book a desk (chosen or any), a whole day, or a room; pending where the space wants approval. Honours Idempotency-Key.',
      access: 'verified',
      response: bookingSchema,
      body: bookingCreateSchema,
      status: 201,
      handler: async ({ actor, body }, { req, res }) => {
        const result = await deps.create.create(actor!, body, idempotencyKeyOf(req.get('Idempotency-Key')));
        res.status(result.status).json(result.body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/bookings',
      summary: 'My bookings, or (scope=managed) the bookings and pending requests of the spaces I manage',
      access: 'signed_in',
      response: bookingListSchema,
      query: bookingListQuerySchema,
      handler: ({ actor, query }) => deps.queries.list(actor!, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/bookings/:id',
      summary: 'One booking, for its booker, the space’s managers and the admins of the organization it was made for',
      access: 'signed_in',
      response: bookingSchema,
      params: bookingIdParamsSchema,
      handler: ({ actor, params }) => deps.queries.get(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/bookings/:id/approve',
      summary: 'Confirm a pending request (admins of the owning municipality or provider)',
      access: 'verified',
      response: bookingSchema,
      params: bookingIdParamsSchema,
      body: bookingReasonSchema,
      handler: ({ actor, params }) => deps.decisions.approve(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/bookings/:id/reject',
      summary: 'Reject a pending request with a reason (admins of the owning municipality or provider)',
      access: 'verified',
      response: bookingSchema,
      params: bookingIdParamsSchema,
      body: bookingRejectSchema,
      handler: ({ actor, params, body }) => deps.decisions.reject(actor!, params.id, body.reason),
    }),
    defineRoute({
      method: 'post',
      path: '/api/bookings/:id/cancel',
      summary: 'Cancel: the booker before the deadline, the space’s admins at any time with a reason',
      access: 'signed_in',
      response: bookingSchema,
      params: bookingIdParamsSchema,
      body: bookingReasonSchema,
      handler: ({ actor, params, body }) => deps.decisions.cancel(actor!, params.id, body.reason),
    }),
  ];
}
