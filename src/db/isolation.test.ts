// Tenant isolation against every database: tenant B can neither see nor change tenant A's
// lists, decisions, reviews, policies, keys or audit events — whatever ids it guesses.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { decisionRow, eachDatabase, rejectsWith } from './eachDatabase.js';

eachDatabase((ctx) => {
  const a = { tenant: '', list: '', decision: '', review: '', key: '' };
  let b = '';

  before(async () => {
    const s = ctx.t.stores;
    a.tenant = (await s.tenants.create('A')).id;
    b = (await s.tenants.create('B')).id;
    const list = await s.lists.create({ tenantId: a.tenant, name: 'private', kind: 'keyword', action: 'block', category: 'hate', match: 'word' });
    a.list = list.id;
    await s.lists.addEntries(a.tenant, a.list, ['secret-term']);
    const decision = decisionRow(a.tenant, { suggestion: 'review', flagged: ',hate,' });
    await s.decisions.insert(decision);
    a.decision = decision.id;
    a.review = (await s.reviews.open({ tenantId: a.tenant, decisionId: a.decision, risk: 0.8 })).id;
    await s.policies.save(a.tenant, 'default', { owner: 'A' });
    a.key = (await s.keys.create({ tenantId: a.tenant, name: 'a', scopes: ['admin'] })).id;
    await s.audit.record({ tenantId: a.tenant, actor: a.key, action: 'list.create', target: a.list });
  });

  test('lists: B cannot get, list, change or read entries of A\'s list', async () => {
    const { lists } = ctx.t.stores;
    assert.equal(await lists.get(b, a.list), null);
    assert.deepEqual(await lists.list(b), []);
    assert.deepEqual(await lists.listsForTenant(b), []);
    await rejectsWith(lists.update(b, a.list, { name: 'mine' }), 'LIST_NOT_FOUND');
    await rejectsWith(lists.addEntries(b, a.list, ['x']), 'LIST_NOT_FOUND');
    await rejectsWith(lists.removeEntries(b, a.list, ['secret-term']), 'LIST_NOT_FOUND');
    await rejectsWith(lists.removeEntry(b, a.list, 1), 'LIST_NOT_FOUND');
    await rejectsWith(lists.entries(b, a.list), 'LIST_NOT_FOUND');
    await rejectsWith(lists.bumpRevision(b, a.list), 'LIST_NOT_FOUND');
    await rejectsWith(lists.delete(b, a.list), 'LIST_NOT_FOUND');
    const mine = await lists.get(a.tenant, a.list);
    assert.equal(mine?.name, 'private');
    assert.equal(mine?.revision, 2);
    assert.deepEqual(await lists.allValues(a.list), ['secret-term']);
  });

  test('decisions and reviews: B sees none of A\'s and cannot claim or decide them', async () => {
    const { decisions, reviews } = ctx.t.stores;
    assert.equal(await decisions.get(b, a.decision), null);
    assert.deepEqual((await decisions.list(b)).decisions, []);
    assert.deepEqual((await decisions.list(b, { category: 'hate' })).decisions, []);
    assert.equal(await reviews.get(b, a.review), null);
    assert.equal(await reviews.getByDecision(b, a.decision), null);
    assert.deepEqual((await reviews.list(b)).reviews, []);
    await rejectsWith(reviews.claim(b, a.review, 'key_b'), 'REVIEW_NOT_FOUND');
    await rejectsWith(reviews.decide(b, a.review, 'key_b', { outcome: 'approve', labels: [], note: null }), 'REVIEW_NOT_FOUND');
    await rejectsWith(reviews.open({ tenantId: b, decisionId: a.decision, risk: 1 }), 'DECISION_NOT_FOUND');
    const review = await reviews.get(a.tenant, a.review);
    assert.equal(review?.status, 'open');
    assert.equal((await decisions.list(a.tenant)).decisions.length, 1);
  });

  test('policies: B has its own versions and cannot read A\'s', async () => {
    const { policies } = ctx.t.stores;
    assert.equal(await policies.latest(b, 'default'), null);
    assert.equal(await policies.get(b, 'default', 1), null);
    assert.deepEqual(await policies.list(b), []);
    assert.deepEqual(await policies.versions(b, 'default'), []);
    const saved = await policies.save(b, 'default', { owner: 'B' });
    assert.equal(saved.version, 1, 'B\'s versions start at 1');
    assert.deepEqual((await policies.latest(a.tenant, 'default'))?.body, { owner: 'A' });
    assert.deepEqual((await policies.versions(a.tenant, 'default')).map((p) => p.version), [1]);
  });

  test('keys and audit: B cannot list or revoke A\'s keys or read A\'s events', async () => {
    const { keys, audit } = ctx.t.stores;
    assert.deepEqual(await keys.list(b), []);
    await rejectsWith(keys.revoke(b, a.key), 'KEY_NOT_FOUND');
    assert.equal((await keys.list(a.tenant))[0].revokedAt, null);
    assert.deepEqual((await audit.list(b)).events, []);
    assert.equal((await audit.list(a.tenant)).events.length, 1);
  });
});
