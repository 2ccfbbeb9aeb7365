import { seriesApprovedSchema, seriesCancelSchema, seriesCancelledSchema, seriesCreateSchema, seriesCreatedSchema, seriesIdParamsSchema, seriesPreviewResultSchema, seriesPreviewSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { SeriesApproval } from './series-approval.service';
import type { SeriesService } from './series.service';

export function seriesRoutes(series: SeriesService, approval: SeriesApproval): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/series/preview',
      summary: 'Each date of a weekly RRULE series with its state: free, conflict, closed or unavailable (with the rule)',
      access: 'verified',
      response: seriesPreviewResultSchema,
      body: seriesPreviewSchema,
      handler: ({ actor, body }) => series.preview(actor!, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/series',
      summary: 'Book a weekly series (at most 52 dates): onConflict "fail" books all or nothing, "skip" books the free dates and reports the rest',
      access: 'verified',
      response: seriesCreatedSchema,
      body: seriesCreateSchema,
      status: 201,
      handler: ({ actor, body }) => series.create(actor!, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/series/:id/cancel',
      summary: 'Cancel the rest of a series from a point in time (default now): the booker, or the space’s admins with a reason',
      access: 'signed_in',
      response: seriesCancelledSchema,
      params: seriesIdParamsSchema,
      body: seriesCancelSchema,
      handler: ({ actor, params, body }) => series.cancelRest(actor!, params.id, body.from, body.reason),
    }),
    defineRoute({
      method: 'post',
      path: '/api/series/:id/approve',
      summary: 'Confirm every date of a series request still waiting, as one decision (admins of the owning municipality or provider)',
      access: 'verified',
      response: seriesApprovedSchema,
      params: seriesIdParamsSchema,
      handler: ({ actor, params }) => approval.approve(actor!, params.id),
    }),
  ];
}
