import { bookingIdParamsSchema, bookingSchema, checkInByTokenSchema, qrSheetParamsSchema, qrSheetSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { CheckInService } from './checkin.service';

export function checkInRoutes(service: CheckInService): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/bookings/:id/check-in',
      summary: 'Check in to one’s own confirmed booking, from shortly before the start until the grace period ends',
      access: 'signed_in',
      response: bookingSchema,
      params: bookingIdParamsSchema,
      handler: ({ actor, params }) => service.checkIn(actor!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/check-in',
      summary: 'Check in by a resource’s QR code: checks in the signed-in person’s booking there that is open for check-in now',
      access: 'signed_in',
      response: bookingSchema,
      body: checkInByTokenSchema,
      handler: ({ actor, body }) => service.checkInByToken(actor!, body.token),
    }),
    defineRoute({
      method: 'get',
      path: '/api/spaces/:id/qr-sheet',
      summary: 'The printable QR codes for check-in, one per resource (the space’s admins)',
      access: 'signed_in',
      response: qrSheetSchema,
      params: qrSheetParamsSchema,
      handler: ({ actor, params }) => service.qrSheet(actor!, params.id),
    }),
  ];
}
