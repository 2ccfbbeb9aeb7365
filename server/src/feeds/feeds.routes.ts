import { bookingIdParamsSchema, calendarFeedSchema, feedSpaceParamsSchema, feedTokenParamsSchema } from '@landraeume/shared';
import { z } from 'zod';
import type { Request, Response } from 'express';
import { defineRoute, type AnyRoute } from '../http/route';
import type { FeedAnswer, FeedService } from './feeds.service';

/** Whether the client's copy is current: If-None-Match decides when sent, else If-Modified-Since. */
function isFresh(req: Request, answer: FeedAnswer): boolean {
  const tags = req.headers['if-none-match'];
  if (tags) return tags.split(',').some((tag) => tag.trim().replace(/^W\//, '') === answer.etag);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  // HTTP dates have whole seconds.
  return Number.isFinite(since) && Math.floor(answer.lastModified.getTime() / 1000) * 1000 <= since;
}

async function sendCalendar(req: Request, res: Response, answer: FeedAnswer, cacheControl: string): Promise<void> {
  res.setHeader('ETag', answer.etag);
  res.setHeader('Last-Modified', answer.lastModified.toUTCString());
  res.setHeader('Cache-Control', cacheControl);
  if (isFresh(req, answer)) {
    res.status(304).end();
    return;
  }
  res.status(200).type('text/calendar; charset=utf-8').send(await answer.body());
}

export function feedRoutes(feeds: FeedService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/ical/u/:token.ics',
      summary: 'The personal calendar feed of the token’s holder (secret URL; pending and confirmed bookings)',
      access: 'public',
      params: feedTokenParamsSchema,
      response: z.string(),
      contentType: 'text/calendar',
      async handler({ params }, { req, res }) {
        await sendCalendar(req, res, await feeds.personal(params.token), 'private, no-cache');
      },
    }),
    defineRoute({
      method: 'get',
      path: '/ical/spaces/:id.ics',
      summary: 'Busy times of a published space as a calendar feed, without names or purposes',
      access: 'public',
      params: feedSpaceParamsSchema,
      response: z.string(),
      contentType: 'text/calendar',
      async handler({ params }, { req, res }) {
        await sendCalendar(req, res, await feeds.space(params.id), 'public, max-age=300');
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/bookings/:id/calendar.ics',
      summary: 'One’s own pending or confirmed booking as a calendar file (.ics) to add to any calendar',
      access: 'signed_in',
      params: bookingIdParamsSchema,
      response: z.string(),
      contentType: 'text/calendar',
      async handler({ actor, params }, { res }) {
        const ics = await feeds.bookingFile(actor!, params.id);
        res.setHeader('Content-Disposition', 'attachment; filename="buchung.ics"');
        res.status(200).type('text/calendar; charset=utf-8').send(ics);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/calendar-feed',
      summary: 'The URL of one’s personal calendar feed',
      access: 'signed_in',
      response: calendarFeedSchema,
      handler: ({ actor }) => feeds.feedUrl(actor!),
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/calendar-feed/rotate',
      summary: 'A new feed URL; the old one stops working',
      access: 'signed_in',
      response: calendarFeedSchema,
      handler: ({ actor }) => feeds.rotate(actor!),
    }),
  ];
}
