// The review queue against every database: open, list in both orders, claim (and the race for
// it), decide, and the 409s for claimed-by-other and already-decided.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionRow, eachDatabase, rejectsWith } from './eachDatabase.js';
import type { ReviewRow } from './ReviewStore.js';

eachDatabase((ctx) => {
  let tenantId = '';
  const reviews: ReviewRow[] = [];

  test('open: one pending review per decision; unknown decisions refused', async () => {
    const { tenants, decisions, reviews: store } = ctx.t.stores;
    tenantId = (await tenants.create('Reviews')).id;
    const risks = [0.4, 0.9, 0.4, 0.7, 0.95, 0.1];
    for (const risk of risks) {
      const decision = decisionRow(tenantId, { suggestion: 'review' });
      await decisions.insert(decision);
      reviews.push(await store.open({ tenantId, decisionId: decision.id, risk }));
    }
    const again = await store.open({ tenantId, decisionId: reviews[0].decision_id, risk: 0.4 });
    assert.equal(again.id, reviews[0].id);
    assert.equal(reviews[0].status, 'open');
    assert.deepEqual(await store.get(tenantId, reviews[2].id), reviews[2]);
    assert.deepEqual(await store.getByDecision(tenantId, reviews[3].decision_id), reviews[3]);
    await rejectsWith(store.open({ tenantId, decisionId: 'dec_missing', risk: 1 }), 'DECISION_NOT_FOUND');
  });

  test('list: oldest first and riskiest first, with cursors', async () => {
    const { reviews: store } = ctx.t.stores;
    const walk = async (order: 'oldest' | 'riskiest') => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list(tenantId, { status: 'open', order, cursor, limit: 2 });
        ids.push(...page.reviews.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids.map((id) => reviews.findIndex((r) => r.id === id));
    };
    assert.deepEqual(await walk('oldest'), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(await walk('riskiest'), [4, 1, 3, 0, 2, 5]);
    const oldest = await store.list(tenantId, { order: 'oldest', limit: 1 });
    await rejectsWith(store.list(tenantId, { order: 'riskiest', cursor: oldest.nextCursor! }), 'CURSOR_INVALID');
  });

  test('claim and decide: same key may re-claim; others get 409s', async () => {
    const { reviews: store } = ctx.t.stores;
    const id = reviews[1].id;
    const claimed = await store.claim(tenantId, id, 'key_alice');
    assert.equal(claimed.status, 'claimed');
    assert.equal(claimed.claimed_by, 'key_alice');
    assert.equal((await store.claim(tenantId, id, 'key_alice')).claimed_by, 'key_alice');
    await rejectsWith(store.claim(tenantId, id, 'key_bob'), 'REVIEW_CLAIMED_BY_OTHER');
    await rejectsWith(store.decide(tenantId, id, 'key_bob', { outcome: 'approve', labels: [], note: null }),
      'REVIEW_CLAIMED_BY_OTHER');
    const decided = await store.decide(tenantId, id, 'key_alice', { outcome: 'reject', labels: ['slur'], note: 'clear case' });
    assert.equal(decided.status, 'decided');
    assert.equal(decided.outcome, 'reject');
    assert.deepEqual(JSON.parse(decided.labels), ['slur']);
    assert.equal(decided.decided_by, 'key_alice');
    assert.ok(decided.decided_at);
    await rejectsWith(store.decide(tenantId, id, 'key_alice', { outcome: 'approve', labels: [], note: null }),
      'REVIEW_ALREADY_DECIDED');
    await rejectsWith(store.claim(tenantId, id, 'key_bob'), 'REVIEW_ALREADY_DECIDED');
    await rejectsWith(store.claim(tenantId, 'rev_missing', 'key_bob'), 'REVIEW_NOT_FOUND');
    await rejectsWith(store.decide(tenantId, 'rev_missing', 'key_bob', { outcome: 'approve', labels: [], note: null }),
      'REVIEW_NOT_FOUND');
    // An open review can be decided without claiming it first.
    assert.equal((await store.decide(tenantId, reviews[5].id, 'key_bob', { outcome: 'approve', labels: [], note: null })).status,
      'decided');
    const open = await store.list(tenantId, { status: 'open' });
    assert.deepEqual(open.reviews.map((r) => r.id), [reviews[0].id, reviews[2].id, reviews[3].id, reviews[4].id]);
    assert.equal((await store.list(tenantId, { status: 'decided' })).reviews.length, 2);
  });

  test('racing claims: exactly one reviewer wins', async () => {
    const { reviews: store } = ctx.t.stores;
    const id = reviews[4].id;
    const results = await Promise.allSettled(['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => store.claim(tenantId, id, `key_${k}`)));
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1);
    const winner = (won[0] as PromiseFulfilledResult<ReviewRow>).value.claimed_by;
    assert.equal((await store.get(tenantId, id))?.claimed_by, winner);
  });

  test('a decided review lets a decision be reviewed again (e.g. on appeal)', async () => {
    const { reviews: store } = ctx.t.stores;
    const decisionId = reviews[1].decision_id;
    const appeal = await store.open({ tenantId, decisionId, risk: 0.9 });
    assert.notEqual(appeal.id, reviews[1].id);
    assert.equal((await store.getByDecision(tenantId, decisionId))?.id, appeal.id);
  });

  test('newestByDecision: each decision\'s newest review in one call; other tenants\' and unreviewed are absent', async () => {
    const { tenants, decisions, reviews: store } = ctx.t.stores;
    const unreviewed = decisionRow(tenantId);
    await decisions.insert(unreviewed);
    const other = (await tenants.create('Reviews elsewhere')).id;
    const asked = [reviews[1].decision_id, reviews[5].decision_id, unreviewed.id];
    const newest = await store.newestByDecision(tenantId, asked);
    assert.deepEqual([...newest.keys()].sort(), asked.slice(0, 2).sort());
    assert.equal(newest.get(reviews[1].decision_id)?.id, (await store.getByDecision(tenantId, reviews[1].decision_id))?.id, 'the appeal, not the first review');
    assert.equal(newest.get(reviews[5].decision_id)?.outcome, 'approve');
    assert.equal((await store.newestByDecision(other, asked)).size, 0);
    assert.equal((await store.newestByDecision(tenantId, [])).size, 0);
  });
});
