// Regression tests from the security review: scope of the review "add to list" step, allow
// semantics, NUL bytes, malformed URLs, and authentication before any body work.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

for (const db of databases()) {
  describe(`hardening (${db.name})`, () => {
    let s: TestServer;
    before(async () => { s = await startServer(db.url); });
    after(async () => { await s.close(); });

    test('a reviewer cannot add to an allow list, and a bad entry leaves the review open', async () => {
      const reviewer = (await s.call('POST', '/v1/keys', { name: 'r', scopes: ['review'] })).body.key;
      const allow = await s.call('POST', '/v1/lists', { name: 'allow-all', action: 'allow', category: 'harassment' });
      const pattern = await s.call('POST', '/v1/lists', { name: 'patterns', action: 'review', category: 'harassment', match: 'pattern' });
      const d = await s.call('POST', '/v1/moderate/text', { text: 'you are an idiot' });
      const review = (await s.call('GET', '/v1/reviews?status=open')).body.reviews.find((r: any) => r.decisionId === d.body.id);
      const denied = await s.call('POST', `/v1/reviews/${review.id}/decide`, { outcome: 'approve', addToList: { listId: allow.body.id, value: 'idiot' } }, reviewer);
      assert.deepEqual([denied.status, denied.body.code], [403, 'AUTH_FORBIDDEN_SCOPE']);
      const bad = await s.call('POST', `/v1/reviews/${review.id}/decide`, { outcome: 'reject', addToList: { listId: pattern.body.id, value: '((' } }, reviewer);
      assert.equal(bad.body.code, 'LIST_PATTERN_INVALID');
      assert.equal((await s.call('GET', `/v1/reviews/${review.id}`)).body.status, 'open', 'nothing was decided');
      await s.call('POST', `/v1/reviews/${review.id}/claim`, undefined, reviewer);
      const keyId = (await s.call('GET', '/v1/keys')).body.keys.find((k: any) => k.name === 'r').id;
      assert.equal((await s.call('DELETE', `/v1/keys/${keyId}`)).status, 204);
      const ok = await s.call('POST', `/v1/reviews/${review.id}/decide`, { outcome: 'reject' });
      assert.equal(ok.body.outcome, 'reject', 'an admin decides an item claimed by a revoked key');
    });

    test('an allow entry silences only its own category, inside its span, including block lists', async () => {
      const allow = await s.call('POST', '/v1/lists', { name: 'allow-kill', action: 'allow', category: 'profanity' });
      await s.call('POST', `/v1/lists/${allow.body.id}/entries`, { entries: [{ value: 'kill' }, { value: 'acme' }] });
      assert.equal((await s.call('POST', '/v1/moderate/text', { text: 'I will kill you' })).body.suggestion, 'block');
      const block = await s.call('POST', '/v1/lists', { name: 'block-acme', action: 'block', category: 'profanity' });
      await s.call('POST', `/v1/lists/${block.body.id}/entries`, { entries: [{ value: 'acme' }] });
      const d = await s.call('POST', '/v1/moderate/text', { text: 'acme is fine' });
      assert.equal(d.body.suggestion, 'pass', JSON.stringify(d.body.evidence));
      assert.ok(d.body.evidence.some((e: any) => e.action === 'allow' && e.overrides.includes('list:block-acme')));
    });

    test('NUL characters are refused before they reach storage', async () => {
      const r = await s.call('POST', '/v1/moderate/text', { text: 'hello', dataId: 'x\u0000y' });
      assert.deepEqual([r.status, r.body.code], [400, 'REQUEST_INVALID']);
      const after = await s.call('POST', '/v1/moderate/text', { text: 'still recorded' });
      assert.equal((await s.call('GET', `/v1/decisions/${after.body.id}`)).status, 200);
    });

    test('no key means 401 before any validation; malformed URLs and ids keep the error shape', async () => {
      assert.equal((await s.call('POST', '/v1/moderate/text', { nope: 1 }, null)).status, 401);
      assert.equal((await s.call('POST', '/v1/moderate/text', { text: 'x', attributes: ['age'] }, null)).status, 401);
      for (const url of ['/v1/lists/%E0%A4%A', '/v1/decisions/dec_%00x']) {
        const r = await s.call('GET', url);
        assert.equal(r.status, 400, url);
        assert.equal(r.body.code, 'REQUEST_INVALID');
        assert.equal(r.body.requestId, r.headers.get('x-request-id'));
      }
    });
  });
}
