import { devMailListSchema, devMailParamsSchema, devMailSchema, outboxJobListQuerySchema, outboxJobListSchema, outboxJobParamsSchema, outboxJobViewSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { DevMailbox } from './dev-mailbox';
import type { OutboxAdminService } from './outbox-admin.service';

export function notificationRoutes(outbox: OutboxAdminService, mailbox: DevMailbox): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/jobs',
      summary: 'Outbox jobs by status (default: dead ones), for the platform team',
      access: 'signed_in',
      query: outboxJobListQuerySchema,
      response: outboxJobListSchema,
      handler: ({ actor, query }) => outbox.list(actor!, query.status),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/jobs/:id/retry',
      summary: 'Run a dead job again from its first attempt',
      access: 'signed_in',
      params: outboxJobParamsSchema,
      response: outboxJobViewSchema,
      handler: ({ actor, params }) => outbox.retry(actor!, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dev/mails',
      summary: 'Without SMTP_URL: the mails written to DATA_DIR/mail that were sent to oneself (all for the platform team)',
      access: 'signed_in',
      response: devMailListSchema,
      handler: ({ actor }) => mailbox.list(actor!),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dev/mails/:id',
      summary: 'Without SMTP_URL: one mail with its text and attachment names',
      access: 'signed_in',
      params: devMailParamsSchema,
      response: devMailSchema,
      handler: ({ actor, params }) => mailbox.get(actor!, params.id),
    }),
  ];
}
