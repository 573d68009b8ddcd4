// Webhook endpoints of the caller's tenant (admin only): register a URL for some events, read the
// delivery log, send a delivery again, rotate the signing secret. The secret is shown when the
// endpoint is created and when it is rotated; deliveries are signed with it (README, "Webhooks").

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { WEBHOOK_EVENTS } from '../../db/index.js';
import type { DeliveryRow, WebhookRecord } from '../../db/index.js';
import { checkedReceiverUrl } from '../../net/safePost.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { CursorQuery, IdParams, errorResponses, literalUnion } from '../schemas.js';

const Events = Type.Array(literalUnion(WEBHOOK_EVENTS), { minItems: 1, uniqueItems: true,
  description: 'decision.flagged (review or block), job.completed, job.failed, stream.alert, review.decided.' });

const CreateBody = Type.Object({
  url: Type.String({ maxLength: 2000, description: 'http or https; a private address only if the operator allows its host.' }),
  events: Events,
  description: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

const PatchBody = Type.Object({
  url: Type.Optional(Type.String({ maxLength: 2000 })),
  events: Type.Optional(Events),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  enabled: Type.Optional(Type.Boolean({ description: 'true enables a disabled endpoint again and clears its failure streak.' })),
}, { additionalProperties: false });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const WebhookSchema = Type.Object({
  id: Type.String(), url: Type.String(), events: Type.Array(Type.String()), description: Nullable(Type.String()),
  enabled: Type.Boolean(), disabledReason: Nullable(Type.String()), failingSince: Nullable(Type.String()),
  createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Webhook' });

const WithSecret = Type.Composite([WebhookSchema, Type.Object({ secret: Type.String({ description: 'Signs every delivery; shown only now.' }) })]);

const DeliverySchema = Type.Object({
  id: Type.String(), eventId: Type.String(), event: Type.String(),
  status: literalUnion(['pending', 'delivered', 'failed'] as const), attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()), lastAttemptAt: Nullable(Type.String()), responseStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()), createdAt: Type.String(), deliveredAt: Nullable(Type.String()),
  payload: Type.Unknown({ description: 'The body that was sent.' }),
}, { $id: 'WebhookDelivery' });

const DeliveryParams = Type.Object({ id: IdParams.properties.id, deliveryId: IdParams.properties.id });

function webhookView(w: WebhookRecord) {
  return { id: w.id, url: w.url, events: w.events, description: w.description, enabled: w.enabled,
    disabledReason: w.disabledReason, failingSince: w.failingSince, createdAt: w.createdAt, updatedAt: w.updatedAt };
}

function deliveryView(d: DeliveryRow) {
  return {
    id: d.id, eventId: d.event_id, event: d.event, status: d.status as 'pending' | 'delivered' | 'failed', attempts: Number(d.attempts),
    nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null, lastAttemptAt: d.last_attempt_at,
    responseStatus: d.response_status === null ? null : Number(d.response_status), lastError: d.last_error,
    createdAt: d.created_at, deliveredAt: d.delivered_at, payload: JSON.parse(d.payload) as unknown,
  };
}

export async function webhookRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  const store = service.stores.webhooks;
  const changed = async (tenantId: string, actor: string, action: string, target: string, detail: Record<string, unknown>) => {
    await service.changed({ tenant: tenantId });
    await service.stores.audit.record({ tenantId, actor, action, target, detail });
  };

  app.post<{ Body: Static<typeof CreateBody> }>('/v1/webhooks', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'Register an endpoint (its signing secret is shown once)', body: CreateBody,
      response: { 201: WithSecret, ...errorResponses(403) } },
  }, async (req, reply) => {
    const { tenantId, keyId } = principalOf(req);
    const url = await checkedReceiverUrl(req.body.url, service.config.fetchAllowHosts);
    const created = await store.create({ tenantId, url, events: req.body.events, description: req.body.description });
    await changed(tenantId, keyId, 'webhook.create', created.id, { url, events: created.events });
    return reply.code(201).send({ ...webhookView(created), secret: created.secret });
  });

  app.get('/v1/webhooks', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'Endpoints of this tenant', response: { 200: Type.Object({ webhooks: Type.Array(WebhookSchema) }) } },
  }, async (req) => ({ webhooks: (await store.list(principalOf(req).tenantId)).map(webhookView) }));

  app.get<{ Params: Static<typeof IdParams> }>('/v1/webhooks/:id', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'One endpoint', params: IdParams, response: { 200: WebhookSchema, ...errorResponses(403, 404) } },
  }, async (req) => webhookView(await store.get(principalOf(req).tenantId, req.params.id)));

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof PatchBody> }>('/v1/webhooks/:id', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'Change an endpoint, or enable or disable it', params: IdParams, body: PatchBody,
      response: { 200: WebhookSchema, ...errorResponses(403, 404) } },
  }, async (req) => {
    const { tenantId, keyId } = principalOf(req);
    const url = req.body.url === undefined ? undefined : await checkedReceiverUrl(req.body.url, service.config.fetchAllowHosts);
    const updated = await store.update(tenantId, req.params.id, { ...req.body, url });
    await changed(tenantId, keyId, 'webhook.update', updated.id, { ...req.body });
    return webhookView(updated);
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/v1/webhooks/:id', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'Remove an endpoint and its delivery log', params: IdParams,
      response: { 204: Type.Null(), ...errorResponses(403, 404) } },
  }, async (req, reply) => {
    const { tenantId, keyId } = principalOf(req);
    await store.delete(tenantId, req.params.id);
    await changed(tenantId, keyId, 'webhook.delete', req.params.id, {});
    return reply.code(204).send();
  });

  app.post<{ Params: Static<typeof IdParams> }>('/v1/webhooks/:id/rotate-secret', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'Replace the signing secret (the old one stops at once; the new one is shown once)',
      params: IdParams, response: { 200: WithSecret, ...errorResponses(403, 404) } },
  }, async (req) => {
    const { tenantId, keyId } = principalOf(req);
    const rotated = await store.rotateSecret(tenantId, req.params.id);
    await changed(tenantId, keyId, 'webhook.rotate-secret', rotated.id, {});
    return { ...webhookView(rotated), secret: rotated.secret };
  });

  app.get<{ Params: Static<typeof IdParams>; Querystring: { cursor?: string; limit?: number } }>('/v1/webhooks/:id/deliveries', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'The delivery log, newest first', params: IdParams, querystring: Type.Object(CursorQuery),
      response: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema), nextCursor: Nullable(Type.String()) }), ...errorResponses(403, 404) } },
  }, async (req) => {
    const page = await store.deliveries(principalOf(req).tenantId, req.params.id, req.query);
    return { deliveries: page.items.map(deliveryView), nextCursor: page.nextCursor };
  });

  app.post<{ Params: Static<typeof DeliveryParams> }>('/v1/webhooks/:id/deliveries/:deliveryId/redeliver', {
    config: { scope: 'admin' },
    schema: { tags: ['webhooks'], summary: 'Send a delivery\'s event again, now (same event id and body, new signature)',
      params: DeliveryParams, response: { 202: DeliverySchema, ...errorResponses(403, 404) } },
  }, async (req, reply) => {
    const { tenantId, keyId } = principalOf(req);
    const delivery = await store.redeliver(tenantId, req.params.id, req.params.deliveryId);
    service.webhookSender.poke();
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'webhook.redeliver', target: delivery.id, detail: { of: req.params.deliveryId } });
    return reply.code(202).send(deliveryView(delivery));
  });
}
