// The administrative audit trail: who changed which policy, list, key or review, and when.

import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { CursorQuery } from '../schemas.js';

const EventSchema = Type.Object({
  id: Type.String(), actor: Type.String(), action: Type.String(), target: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()), createdAt: Type.String(),
});

export async function auditRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.get<{ Querystring: { cursor?: string; limit?: number } }>('/v1/audit', {
    config: { scope: 'admin' },
    schema: { tags: ['audit'], summary: 'Administrative changes, newest first',
      querystring: Type.Object(CursorQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ events: Type.Array(EventSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }) } },
  }, async (req) => {
    const page = await service.stores.audit.list(principalOf(req).tenantId, { cursor: req.query.cursor, limit: req.query.limit ?? 50 });
    return {
      events: page.events.map((e) => ({ id: e.id, actor: e.actor, action: e.action, target: e.target, detail: e.detail, createdAt: e.createdAt })),
      nextCursor: page.nextCursor,
    };
  });
}
