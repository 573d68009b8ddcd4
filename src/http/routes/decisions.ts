// The audit log of decisions: GET one or search them, each with the reviewer's outcome (if any).

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CATEGORIES, SUGGESTIONS } from '../../content/index.js';
import { REVIEW_FILTERS } from '../../db/index.js';
import { BulwarkError } from '../../errors.js';
import { rowToDecision } from '../../service/index.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { CursorQuery, DecisionSchema, IdParams, errorResponses, literalUnion } from '../schemas.js';
import { oneReviewView, reviewViews } from './reviewView.js';

const ListQuery = Type.Object({
  suggestion: Type.Optional(literalUnion(SUGGESTIONS)),
  category: Type.Optional(literalUnion(CATEGORIES, 'Only decisions where this category was flagged.')),
  since: Type.Optional(Type.String({ format: 'date-time' })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
  dataId: Type.Optional(Type.String({ maxLength: 128 })),
  review: Type.Optional(literalUnion(REVIEW_FILTERS,
    'Where the newest review stands: none (never queued), pending (open or claimed), approve or reject (its outcome).')),
  ...CursorQuery,
}, { additionalProperties: false });

export async function decisionRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.get<{ Params: Static<typeof IdParams> }>('/v1/decisions/:id', {
    config: { scope: 'review' },
    schema: { tags: ['decisions'], summary: 'One decision with its evidence and review outcome', params: IdParams,
      response: { 200: DecisionSchema, ...errorResponses(403, 404) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    await service.flushDecisions();
    const row = await service.stores.decisions.get(tenantId, req.params.id);
    if (!row) throw new BulwarkError('DECISION_NOT_FOUND');
    const review = await service.stores.reviews.getByDecision(tenantId, row.id);
    return { ...rowToDecision(row), review: review ? await oneReviewView(service.stores.keys, tenantId, review) : null };
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/v1/decisions', {
    config: { scope: 'review' },
    schema: { tags: ['decisions'], summary: 'Search decisions, newest first, with cursor paging and each one\'s review outcome', querystring: ListQuery,
      response: { 200: Type.Object({ decisions: Type.Array(DecisionSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
        ...errorResponses(403) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    await service.flushDecisions();
    const page = await service.stores.decisions.list(tenantId, { ...req.query, limit: req.query.limit ?? 50 });
    const newest = await service.stores.reviews.newestByDecision(tenantId, page.decisions.map((d) => d.id));
    const views = new Map((await reviewViews(service.stores.keys, tenantId, [...newest.values()])).map((v) => [v.decisionId, v]));
    const decisions = page.decisions.map((row) => ({ ...rowToDecision(row), review: views.get(row.id) ?? null }));
    return { decisions, nextCursor: page.nextCursor };
  });
}
