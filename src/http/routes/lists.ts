// Custom keyword lists: create, read, delete; add, page through and remove entries.
// Changes apply to the next moderation request without a restart.

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CATEGORIES, LIST_ENTRIES_PER_CALL_MAX } from '../../content/index.js';
import { BulwarkError } from '../../errors.js';
import type { ListRecord } from '../../db/index.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { CursorQuery, IdParams, errorResponses, literalUnion } from '../schemas.js';
import { DEFAULT_MAX_DISTANCE, MAX_DISTANCE_LIMIT } from '../../images/imageHashList.js';
import { listSettings, storedEntry } from '../../service/listEntries.js';
import { addEntries, requireList } from './listEntries.js';

const ListSchema = Type.Object({
  id: Type.String(), name: Type.String(), kind: Type.String(), action: Type.String(), category: Type.String(),
  match: Type.String(), maxDistance: Type.Optional(Type.Integer({ description: 'Image lists: the largest PDQ Hamming distance that matches.' })),
  revision: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'List' });

const CreateBody = Type.Object({
  name: Type.String({ pattern: '^[\\w.-]{1,64}$' }),
  kind: Type.Optional(literalUnion(['keyword', 'image'] as const,
    'keyword (default): words, phrases, patterns; image: PDQ hashes (64 hex digits) or "sha256:…" hashes.')),
  maxDistance: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DISTANCE_LIMIT,
    description: `Image lists: the largest PDQ Hamming distance that matches (default ${DEFAULT_MAX_DISTANCE}).` })),
  action: literalUnion(['block', 'review', 'allow'] as const),
  category: literalUnion(CATEGORIES),
  match: Type.Optional(literalUnion(['exact', 'normalized', 'pattern'] as const,
    'exact: as written (case-insensitive, whole words); normalized: through evasion folding; pattern: see docs/lists.md.')),
}, { additionalProperties: false });

const EntriesBody = Type.Object({
  entries: Type.Array(Type.Object({ value: Type.String() }, { additionalProperties: false })),
}, { additionalProperties: false });

const DeleteEntriesBody = Type.Object({ values: Type.Array(Type.String(), { minItems: 1 }) },
  { additionalProperties: false });

function listView(l: ListRecord) {
  return { id: l.id, name: l.name, kind: l.kind, action: l.action, category: l.category, match: l.match,
    ...(l.kind === 'image' ? { maxDistance: l.maxDistance ?? DEFAULT_MAX_DISTANCE } : {}),
    revision: Number(l.revision), createdAt: l.createdAt, updatedAt: l.updatedAt };
}

export async function listRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  const lists = service.stores.lists;
  const touched = (tenantId: string) => service.changed({ tenant: tenantId });

  app.post<{ Body: Static<typeof CreateBody> }>('/v1/lists', {
    config: { scope: 'admin' },
    schema: { tags: ['lists'], summary: 'Create a keyword or image list', body: CreateBody,
      response: { 201: ListSchema, ...errorResponses(403, 409) } },
  }, async (req, reply) => {
    const { tenantId, keyId } = principalOf(req);
    const b = req.body;
    const list = await lists.create({ tenantId, name: b.name, action: b.action, category: b.category, ...listSettings(b) });
    await touched(tenantId);
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'list.create', target: list.id, detail: { ...b } });
    return reply.code(201).send(listView(list));
  });

  app.get('/v1/lists', {
    config: { scope: 'review' },
    schema: { tags: ['lists'], summary: 'All lists of the tenant', response: { 200: Type.Object({ lists: Type.Array(ListSchema) }) } },
  }, async (req) => ({ lists: (await lists.list(principalOf(req).tenantId)).map(listView) }));

  app.get<{ Params: Static<typeof IdParams> }>('/v1/lists/:id', {
    config: { scope: 'review' },
    schema: { tags: ['lists'], summary: 'One list', params: IdParams, response: { 200: ListSchema, ...errorResponses(404) } },
  }, async (req) => {
    return listView(await requireList(service, principalOf(req).tenantId, req.params.id));
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/v1/lists/:id', {
    config: { scope: 'admin' },
    schema: { tags: ['lists'], summary: 'Delete a list and its entries', params: IdParams,
      response: { 204: Type.Null(), ...errorResponses(403, 404) } },
  }, async (req, reply) => {
    const { tenantId, keyId } = principalOf(req);
    await requireList(service, tenantId, req.params.id);
    await lists.delete(tenantId, req.params.id);
    await touched(tenantId);
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'list.delete', target: req.params.id, detail: {} });
    return reply.code(204).send();
  });

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof EntriesBody> }>('/v1/lists/:id/entries', {
    config: { scope: 'admin' },
    schema: { tags: ['lists'], summary: `Add entries (at most ${LIST_ENTRIES_PER_CALL_MAX} per call); duplicates are skipped`,
      params: IdParams, body: EntriesBody,
      response: { 200: Type.Object({ added: Type.Integer(), skipped: Type.Integer() }), ...errorResponses(403, 404, 413) } },
  }, async (req) => {
    const { tenantId, keyId } = principalOf(req);
    const { entries } = req.body;
    if (entries.length > LIST_ENTRIES_PER_CALL_MAX) {
      throw new BulwarkError('LIST_TOO_MANY_ENTRIES', `${entries.length} entries; at most ${LIST_ENTRIES_PER_CALL_MAX} per call.`);
    }
    return addEntries(service, tenantId, keyId, await requireList(service, tenantId, req.params.id), entries.map((e) => e.value));
  });

  app.get<{ Params: Static<typeof IdParams>; Querystring: { cursor?: string; limit?: number } }>('/v1/lists/:id/entries', {
    config: { scope: 'review' },
    schema: { tags: ['lists'], summary: 'Page through entries', params: IdParams,
      querystring: Type.Object(CursorQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ entries: Type.Array(Type.Object({ id: Type.Integer(), value: Type.String(), createdAt: Type.String() })),
        nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses(404) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    return lists.entries(tenantId, req.params.id, { cursor: req.query.cursor, limit: req.query.limit ?? 50 });
  });

  app.delete<{ Params: Static<typeof IdParams>; Body: Static<typeof DeleteEntriesBody> }>('/v1/lists/:id/entries', {
    config: { scope: 'admin' },
    schema: { tags: ['lists'], summary: 'Remove entries by value', params: IdParams, body: DeleteEntriesBody,
      response: { 200: Type.Object({ removed: Type.Integer() }), ...errorResponses(403, 404) } },
  }, async (req) => {
    const { tenantId, keyId } = principalOf(req);
    if (req.body.values.length > LIST_ENTRIES_PER_CALL_MAX) {
      throw new BulwarkError('LIST_TOO_MANY_ENTRIES', `${req.body.values.length} values; at most ${LIST_ENTRIES_PER_CALL_MAX} per call.`);
    }
    // Image entries are stored in one form (lower case, no "pdq:"): remove what that form would be.
    const list = await requireList(service, tenantId, req.params.id);
    const values = list.kind === 'image' ? req.body.values.map((v) => storedEntry(list, v)) : req.body.values;
    const { removed } = await lists.removeEntries(tenantId, req.params.id, values);
    await touched(tenantId);
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'list.entries.remove', target: req.params.id, detail: { removed } });
    return { removed };
  });
}
