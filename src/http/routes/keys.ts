// API keys of the caller's tenant (admin only; GET /v1/me tells any key its own scopes). A new
// key's secret is returned once; only its hash is stored. Revoking takes effect in this process at
// once, elsewhere within seconds.

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SCOPES } from '../../tenants/index.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { IdParams, errorResponses, literalUnion } from '../schemas.js';

const CreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scopes: Type.Array(literalUnion(SCOPES), { minItems: 1, uniqueItems: true }),
}, { additionalProperties: false });

const KeySchema = Type.Object({
  id: Type.String(), name: Type.String(), prefix: Type.String(), scopes: Type.Array(Type.String()),
  createdAt: Type.String(), revokedAt: Type.Union([Type.String(), Type.Null()]),
});

const MeSchema = Type.Object({ keyId: Type.String(), tenantId: Type.String(), scopes: Type.Array(literalUnion(SCOPES)) });

export async function keyRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.post<{ Body: Static<typeof CreateBody> }>('/v1/keys', {
    config: { scope: 'admin' },
    schema: { tags: ['keys'], summary: 'Create an API key (the secret is shown once)', body: CreateBody,
      response: { 201: Type.Object({ id: Type.String(), key: Type.String(), prefix: Type.String(), scopes: Type.Array(Type.String()) }),
        ...errorResponses(403) } },
  }, async (req, reply) => {
    const { tenantId, keyId } = principalOf(req);
    const created = await service.stores.keys.create({ tenantId, name: req.body.name, scopes: req.body.scopes });
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'key.create', target: created.id, detail: { scopes: req.body.scopes } });
    return reply.code(201).send({ id: created.id, key: created.key, prefix: created.prefix, scopes: created.scopes });
  });

  app.get('/v1/keys', {
    config: { scope: 'admin' },
    schema: { tags: ['keys'], summary: 'Keys of this tenant (never their secrets)', response: { 200: Type.Object({ keys: Type.Array(KeySchema) }) } },
  }, async (req) => ({ keys: await service.stores.keys.list(principalOf(req).tenantId) }));

  app.get('/v1/me', {
    config: { scope: 'any' },
    schema: { tags: ['keys'], summary: 'The calling key: its id, tenant and scopes (what a client may show)',
      response: { 200: MeSchema, ...errorResponses() } },
  }, async (req) => {
    const { keyId, tenantId, scopes } = principalOf(req);
    return { keyId, tenantId, scopes: [...scopes] };
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/v1/keys/:id', {
    config: { scope: 'admin' },
    schema: { tags: ['keys'], summary: 'Revoke a key', params: IdParams, response: { 204: Type.Null(), ...errorResponses(403, 404) } },
  }, async (req, reply) => {
    const { tenantId, keyId } = principalOf(req);
    await service.stores.keys.revoke(tenantId, req.params.id);
    await service.changed({ keys: true });
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'key.revoke', target: req.params.id, detail: {} });
    return reply.code(204).send();
  });
}
