// Decisions against every database: insert, get, filters and newest-first cursor paging.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeCursor } from './cursor.js';
import { decisionRow, eachDatabase, rejectsWith } from './eachDatabase.js';
import type { DecisionTable } from './schema.js';

eachDatabase((ctx) => {
  const made: DecisionTable[] = [];
  let tenantId = '';

  test('insert, insertMany and get', async () => {
    const { tenants, decisions } = ctx.t.stores;
    tenantId = (await tenants.create('Decisions')).id;
    const base = Date.parse('2025-03-01T12:00:00.000Z');
    for (let i = 0; i < 25; i++) {
      made.push(decisionRow(tenantId, {
        suggestion: i % 5 === 0 ? 'block' : i % 2 === 0 ? 'review' : 'pass',
        flagged: i % 3 === 0 ? ',harassment,self_harm,' : i % 3 === 1 ? ',sexual_minors,' : '',
        data_id: i < 4 ? 'post-1' : null,
        created_at: new Date(base + i * 60_000).toISOString(),
        latency_ms: i,
      }));
    }
    await decisions.insert(made[0]);
    await decisions.insertMany(made.slice(1));
    assert.deepEqual(await decisions.get(tenantId, made[7].id), made[7]);
    assert.equal(await decisions.get(tenantId, 'dec_missing'), null);
  });

  test('list pages newest first until nextCursor is null', async () => {
    const { decisions } = ctx.t.stores;
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await decisions.list(tenantId, { cursor, limit: 10 });
      ids.push(...page.decisions.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(ids, made.map((d) => d.id).reverse());
    const exact = await decisions.list(tenantId, { limit: 25 });
    assert.equal(exact.nextCursor, null, 'no empty last page');
  });

  test('filters: suggestion, category, since/until, dataId', async () => {
    const { decisions } = ctx.t.stores;
    const ids = async (query: Parameters<typeof decisions.list>[1]) =>
      (await decisions.list(tenantId, { limit: 100, ...query })).decisions.map((d) => made.findIndex((m) => m.id === d.id));
    assert.deepEqual(await ids({ suggestion: 'block' }), [20, 15, 10, 5, 0]);
    assert.deepEqual(await ids({ category: 'sexual_minors' }), [22, 19, 16, 13, 10, 7, 4, 1]);
    assert.deepEqual(await ids({ category: 'sexual' }), [], '"sexual" does not match "sexual_minors"');
    assert.deepEqual((await ids({ category: 'self_harm' })).length, 9);
    assert.deepEqual(await ids({ category: 'self%harm' }), [], 'LIKE wildcards are escaped');
    assert.deepEqual(await ids({ since: made[20].created_at }), [24, 23, 22, 21, 20]);
    assert.deepEqual(await ids({ since: '2025-03-01T14:20:00+02:00', until: made[23].created_at }), [22, 21, 20]);
    assert.deepEqual(await ids({ dataId: 'post-1' }), [3, 2, 1, 0]);
    assert.deepEqual(await ids({ suggestion: 'block', category: 'harassment' }), [15, 0]);
    const page = await decisions.list(tenantId, { suggestion: 'review', limit: 2 });
    const next = await decisions.list(tenantId, { suggestion: 'review', limit: 2, cursor: page.nextCursor! });
    assert.deepEqual(next.decisions.map((d) => d.suggestion), ['review', 'review']);
  });

  test('filter by review: never queued, pending, or the newest review\'s outcome', async () => {
    const { decisions, reviews } = ctx.t.stores;
    const ids = async (review: 'none' | 'pending' | 'approve' | 'reject') =>
      (await decisions.list(tenantId, { limit: 100, review })).decisions.map((d) => made.findIndex((m) => m.id === d.id));
    const review = (i: number) => reviews.open({ tenantId, decisionId: made[i].id, risk: 0.5 });
    const decide = async (i: number, outcome: string) => {
      const r = await review(i);
      await reviews.decide(tenantId, r.id, 'key_reviewer', { outcome, labels: [], note: null });
    };
    await review(2);
    await reviews.claim(tenantId, (await review(4)).id, 'key_reviewer');
    await decide(6, 'approve');
    await decide(8, 'reject');
    await decide(10, 'reject');
    await decide(10, 'approve'); // appealed: the newest review approves
    await decide(12, 'approve');
    await review(12); // appealed again: pending
    assert.deepEqual(await ids('pending'), [12, 4, 2]);
    assert.deepEqual(await ids('approve'), [10, 6]);
    assert.deepEqual(await ids('reject'), [8]);
    assert.deepEqual(await ids('none'), made.map((_, i) => i).filter((i) => ![2, 4, 6, 8, 10, 12].includes(i)).reverse());
    const otherTenant = (await ctx.t.stores.tenants.create('Other')).id;
    assert.deepEqual((await decisions.list(otherTenant, { review: 'pending' })).decisions, [], 'another tenant sees none of them');
    assert.deepEqual((await decisions.list(tenantId, { review: 'approve', suggestion: 'block' })).decisions.map((d) => d.id), [made[10].id]);
  });

  test('newestUnder: the newest decisions of a policy\'s versions, interleaved ones included, only what a replay reads', async () => {
    const { tenants, decisions } = ctx.t.stores;
    const tenant = (await tenants.create('Replays')).id;
    // Oldest to newest: v1 ×4, then v2 ×3 with one late v1 among them (a server still on v1), then other policies.
    const policies = ['p@1', 'p@1', 'p@1', 'p@1', 'p@2', 'p@1', 'p@2', 'p@2', 'q@1', 'q@1'];
    const rows = policies.map((policy) => decisionRow(tenant, { policy, categories: '{"spam":{"score":0.5,"severity":"low"}}' }));
    await decisions.insertMany(rows);
    const newest = (limit: number, names = ['p@2', 'p@1']) => decisions.newestUnder(tenant, names, limit).then((r) => r.map((d) => rows.findIndex((x) => x.id === d.id)));
    assert.deepEqual(await newest(4), [7, 6, 5, 4], 'the late v1 decision is among the newest');
    assert.deepEqual(await newest(5, ['p@1', 'p@2']), [7, 6, 5, 4, 3], 'the order of the versions does not matter');
    assert.deepEqual(await newest(100), [7, 6, 5, 4, 3, 2, 1, 0]);
    assert.deepEqual(await newest(3, ['q@1']), [9, 8]);
    assert.deepEqual(await decisions.newestUnder(tenant, [], 10), []);
    assert.deepEqual(await decisions.newestUnder(tenantId, ['p@2'], 10), [], 'another tenant\'s decisions are not replayed');
    const [one] = await decisions.newestUnder(tenant, ['q@1'], 1);
    assert.deepEqual(one, { id: rows[9].id, policy: 'q@1', categories: rows[9].categories, evidence: rows[9].evidence });
  });

  test('a bad cursor is CURSOR_INVALID', async () => {
    const { decisions } = ctx.t.stores;
    await rejectsWith(decisions.list(tenantId, { cursor: '!!!' }), 'CURSOR_INVALID');
    await rejectsWith(decisions.list(tenantId, { cursor: encodeCursor("x' or 1=1 --") }), 'CURSOR_INVALID');
    await rejectsWith(decisions.list(tenantId, { since: 'yesterday' }), 'REQUEST_INVALID');
  });
});
