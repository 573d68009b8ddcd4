// The review queue: list open items (oldest or riskiest first), claim one, decide it with an
// outcome, labels and a note — and optionally add the matched term to a list in the same step.

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ReviewRow } from '../../db/index.js';
import { BulwarkError } from '../../errors.js';
import { rowToDecision } from '../../service/index.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { CursorQuery, DecisionSchema, IdParams, errorResponses, literalUnion } from '../schemas.js';
import { addEntries, checkEntries, requireList } from './listEntries.js';
import { hasScope } from '../../tenants/index.js';
import { oneReviewView, reviewViews } from './reviewView.js';
import type { ReviewView } from './reviewView.js';

const ReviewSchema = Type.Object({
  id: Type.String(), decisionId: Type.String(), status: Type.String(), risk: Type.Number(),
  claimedBy: Type.Union([Type.String(), Type.Null()]), claimedAt: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]), labels: Type.Array(Type.String()),
  claimedByName: Type.Union([Type.String(), Type.Null()], { description: 'The name of the key that claimed it.' }),
  note: Type.Union([Type.String(), Type.Null()]), decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedByName: Type.Union([Type.String(), Type.Null()], { description: 'The name of the key that decided.' }),
  decidedAt: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(),
  decision: Type.Optional(DecisionSchema),
}, { $id: 'Review' });

const ListQuery = Type.Object({
  status: Type.Optional(literalUnion(['open', 'claimed', 'decided'] as const)),
  order: Type.Optional(literalUnion(['oldest', 'riskiest'] as const)),
  ...CursorQuery,
}, { additionalProperties: false });

const DecideBody = Type.Object({
  outcome: literalUnion(['approve', 'reject'] as const, 'approve = the content is fine; reject = it violates the policy.'),
  labels: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  addToList: Type.Optional(Type.Object({ listId: Type.String(), value: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false })),
}, { additionalProperties: false });

export async function reviewRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  const withDecision = async (tenantId: string, view: ReviewView) => {
    const row = await service.stores.decisions.get(tenantId, view.decisionId);
    return { ...view, ...(row ? { decision: rowToDecision(row) } : {}) };
  };
  const viewOf = (tenantId: string, review: ReviewRow) => oneReviewView(service.stores.keys, tenantId, review);

  app.get<{ Querystring: Static<typeof ListQuery> }>('/v1/reviews', {
    config: { scope: 'review' },
    schema: { tags: ['reviews'], summary: 'The review queue', querystring: ListQuery,
      response: { 200: Type.Object({ reviews: Type.Array(ReviewSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
        ...errorResponses(403) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    await service.flushDecisions();
    const q = req.query;
    const page = await service.stores.reviews.list(tenantId, {
      status: q.status, order: q.order ?? 'oldest', cursor: q.cursor, limit: q.limit ?? 50,
    });
    const views = await reviewViews(service.stores.keys, tenantId, page.reviews);
    return { reviews: await Promise.all(views.map((v) => withDecision(tenantId, v))), nextCursor: page.nextCursor };
  });

  app.get<{ Params: Static<typeof IdParams> }>('/v1/reviews/:id', {
    config: { scope: 'review' },
    schema: { tags: ['reviews'], summary: 'One review item with its decision', params: IdParams,
      response: { 200: ReviewSchema, ...errorResponses(403, 404) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    await service.flushDecisions();
    const review = await service.stores.reviews.get(tenantId, req.params.id);
    if (!review) throw new BulwarkError('REVIEW_NOT_FOUND');
    return withDecision(tenantId, await viewOf(tenantId, review));
  });

  app.post<{ Params: Static<typeof IdParams> }>('/v1/reviews/:id/claim', {
    config: { scope: 'review' },
    schema: { tags: ['reviews'], summary: 'Claim a review so other reviewers skip it', params: IdParams,
      response: { 200: ReviewSchema, ...errorResponses(403, 404, 409) } },
  }, async (req) => {
    const { tenantId, keyId } = principalOf(req);
    await service.flushDecisions();
    return viewOf(tenantId, await service.stores.reviews.claim(tenantId, req.params.id, keyId));
  });

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof DecideBody> }>('/v1/reviews/:id/decide', {
    config: { scope: 'review' },
    schema: { tags: ['reviews'], summary: 'Decide a review: outcome, labels, note, optionally add to a list',
      params: IdParams, body: DecideBody, response: { 200: ReviewSchema, ...errorResponses(403, 404, 409) } },
  }, async (req) => {
    const principal = principalOf(req);
    const { tenantId, keyId } = principal;
    const { outcome, labels = [], note, addToList } = req.body;
    await service.flushDecisions();
    // Everything about the list entry is checked before the review is decided, so a bad entry
    // leaves the review open to try again.
    const list = addToList ? await requireList(service, tenantId, addToList.listId) : null;
    if (list && addToList) {
      if (list.action === 'allow' && !hasScope(principal.scopes, 'admin')) {
        throw new BulwarkError('AUTH_FORBIDDEN_SCOPE', 'Adding to an allow list silences detections for everyone; it needs an admin key.');
      }
      checkEntries(list, [addToList.value]);
    }
    const review = await service.stores.reviews.decide(tenantId, req.params.id, keyId, { outcome, labels, note: note ?? null },
      hasScope(principal.scopes, 'admin'));
    if (list && addToList) await addEntries(service, tenantId, keyId, list, [addToList.value]);
    await service.stores.audit.record({
      tenantId, actor: keyId, action: 'review.decide', target: review.id,
      detail: { outcome, labels, decisionId: review.decision_id, addToList: addToList ?? null },
    });
    const view = await viewOf(tenantId, review);
    await service.webhooks.emit(tenantId, 'review.decided', { review: view });
    return view;
  });
}
