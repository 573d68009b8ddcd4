// POST /v1/policies/:name/preview against every database, over decisions made through the real
// moderation route: the counts must be the ones the decisions' own stored scores give.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PREVIEW_TEXTS, harassmentBlockAt, moderated } from './support/decisions.js';
import type { StoredDecision } from './support/decisions.js';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

for (const db of databases()) {
  describe(`policy preview (${db.name})`, () => {
    let s: TestServer;
    let decisions: StoredDecision[];
    before(async () => {
      s = await startServer(db.url);
      decisions = await moderated(s, PREVIEW_TEXTS);
    });
    after(async () => { await s.close(); });

    test('a lower block threshold for harassment: exactly the decisions whose stored score meets it move to block', async () => {
      // Under the defaults a harassment score alone never blocks below severity high; at 0.3 it does.
      const { moved, current: stored, proposed: after } = harassmentBlockAt(decisions, 0.3);
      assert.ok(moved.length >= 2, `the texts give some harassment scores of 0.3 or more: ${JSON.stringify(decisions.map((d) => d.categories.harassment))}`);
      const r = await s.call('POST', '/v1/policies/default/preview', { categories: { harassment: { block: 0.3 } } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.considered, PREVIEW_TEXTS.length);
      assert.equal(r.body.last, 500);
      assert.deepEqual(r.body.current, stored);
      assert.deepEqual(r.body.proposed, after);
      assert.deepEqual(r.body.difference, { pass: after.pass - stored.pass, review: after.review - stored.review, block: moved.length });
      assert.equal(r.body.changed, moved.length);
      assert.equal(r.body.approximate, 0);
      assert.deepEqual(r.body.examples, moved.slice(0, 10).map((d) => ({ id: d.id, from: d.suggestion, to: 'block' })));

      const fewer = await s.call('POST', '/v1/policies/default/preview', { categories: { harassment: { block: 0.3 } }, last: 3 });
      assert.equal(fewer.body.considered, 3, 'last bounds the replay to the newest decisions');
      assert.equal(fewer.body.last, 3);
    });

    test('previewing the current body changes nothing, and nothing is saved', async () => {
      const current = await s.call('GET', '/v1/policies/default');
      const { name: _n, version: _v, createdAt: _c, ...body } = current.body;
      const r = await s.call('POST', '/v1/policies/default/preview', body);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.proposed, r.body.current);
      assert.deepEqual(r.body.difference, { pass: 0, review: 0, block: 0 });
      assert.equal(r.body.changed, 0);
      assert.deepEqual(r.body.examples, []);
      assert.equal((await s.call('GET', '/v1/policies/default/versions')).body.versions.length, 1, 'a preview stores no version');
    });

    test('a list the proposed policy stops applying loses its forced actions', async () => {
      const list = await s.call('POST', '/v1/lists', { name: 'preview-words', action: 'block', category: 'spam' });
      await s.call('POST', `/v1/lists/${list.body.id}/entries`, { entries: [{ value: 'zorblax' }] });
      const hit = await s.call('POST', '/v1/moderate/text', { text: 'get your zorblax here' });
      assert.equal(hit.body.suggestion, 'block', JSON.stringify(hit.body));

      const none = await s.call('POST', '/v1/policies/default/preview', { lists: [] });
      assert.equal(none.status, 200, JSON.stringify(none.body));
      assert.equal(none.body.considered, PREVIEW_TEXTS.length + 1);
      assert.equal(none.body.difference.block, -1);
      assert.deepEqual(none.body.examples, [{ id: hit.body.id, from: 'block', to: 'pass' }]);
      assert.equal(none.body.approximate, 0, 'dropping a list needs no guess');

      const only = await s.call('POST', '/v1/policies/default/preview', { lists: [list.body.id] });
      assert.equal(only.body.changed, 0, 'the one list that hit still applies');
    });

    test('a policy whose versions applied no list is approximate when the proposal applies one', async () => {
      await s.call('PUT', '/v1/policies/nolists', { lists: [] });
      await s.call('POST', '/v1/moderate/text', { text: 'nothing to see', policy: 'nolists' });
      const r = await s.call('POST', '/v1/policies/nolists/preview', { lists: 'all' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([r.body.considered, r.body.approximate], [1, 1]);
    });

    test('a review key may preview; unknown policies, bad bodies and too many decisions are refused', async () => {
      const reviewer = (await s.call('POST', '/v1/keys', { name: 'r', scopes: ['review'] })).body.key;
      const ok = await s.call('POST', '/v1/policies/default/preview', {}, reviewer);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const put = await s.call('PUT', '/v1/policies/default', {}, reviewer);
      assert.equal(put.status, 403, 'saving still needs admin');

      const missing = await s.call('POST', '/v1/policies/nope/preview', {});
      assert.deepEqual([missing.status, missing.body.code], [404, 'POLICY_NOT_FOUND']);
      const bad = await s.call('POST', '/v1/policies/default/preview', { categories: { hate: { block: 7 } } });
      assert.deepEqual([bad.status, bad.body.code], [400, 'POLICY_INVALID']);
      const unknownList = await s.call('POST', '/v1/policies/default/preview', { lists: ['lst_nope'] });
      assert.deepEqual([unknownList.status, unknownList.body.code], [400, 'POLICY_INVALID']);
      const tooMany = await s.call('POST', '/v1/policies/default/preview', { last: 5001 });
      assert.equal(tooMany.status, 400);
    });
  });
}
