import { idParamsSchema, webhookCreateSchema, webhookDeliveryListSchema, webhookDeliveryParamsSchema, webhookDeliverySchema, webhookListSchema, webhookParamsSchema, webhookSchema, webhookUpdateSchema, webhookWithSecretSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { WebhookService } from './webhooks.service';

const BASE = '/api/organizations/:id/webhooks';

export function webhookRoutes(webhooks: WebhookService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: BASE,
      summary: "The organization's webhook endpoints, without their secrets — admins of the organization",
      access: 'signed_in',
      response: webhookListSchema,
      params: idParamsSchema,
      handler: async ({ actor, params }) => ({ items: await webhooks.list(actor!, params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: BASE,
      summary: 'Register a webhook endpoint; the answer shows its signing secret this once — admins of the organization',
      access: 'verified',
      response: webhookWithSecretSchema,
      params: idParamsSchema,
      body: webhookCreateSchema,
      status: 201,
      handler: ({ actor, params, body }) => webhooks.create(actor!, params.id, body),
    }),
    defineRoute({
      method: 'patch',
      path: `${BASE}/:webhookId`,
      summary: 'Change the URL, description, events or active flag of a webhook endpoint — admins of the organization',
      access: 'verified',
      response: webhookSchema,
      params: webhookParamsSchema,
      body: webhookUpdateSchema,
      handler: ({ actor, params, body }) => webhooks.update(actor!, params.id, params.webhookId, body),
    }),
    defineRoute({
      method: 'delete',
      path: `${BASE}/:webhookId`,
      summary: 'Remove a webhook endpoint and its delivery log — admins of the organization',
      access: 'verified',
      response: null,
      params: webhookParamsSchema,
      handler: ({ actor, params }) => webhooks.remove(actor!, params.id, params.webhookId),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:webhookId/rotate-secret`,
      summary: 'Replace the signing secret; the answer shows the new one this once — admins of the organization',
      access: 'verified',
      response: webhookWithSecretSchema,
      params: webhookParamsSchema,
      handler: ({ actor, params }) => webhooks.rotateSecret(actor!, params.id, params.webhookId),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:webhookId/test`,
      summary: 'Send a signed ping to the endpoint — admins of the organization',
      access: 'verified',
      response: webhookDeliverySchema,
      params: webhookParamsSchema,
      status: 202,
      handler: ({ actor, params }) => webhooks.test(actor!, params.id, params.webhookId),
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/:webhookId/deliveries`,
      summary: 'The latest deliveries with their attempts — admins of the organization',
      access: 'signed_in',
      response: webhookDeliveryListSchema,
      params: webhookParamsSchema,
      handler: async ({ actor, params }) => ({ items: await webhooks.deliveries(actor!, params.id, params.webhookId) }),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:webhookId/deliveries/:deliveryId/redeliver`,
      summary: 'Send a delivery again, with its original event id — admins of the organization',
      access: 'verified',
      response: webhookDeliverySchema,
      params: webhookDeliveryParamsSchema,
      status: 202,
      handler: ({ actor, params }) => webhooks.redeliver(actor!, params.id, params.webhookId, params.deliveryId),
    }),
  ];
}
