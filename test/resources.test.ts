// Policies, lists, decisions, reviews and tenants through the public API on a real socket,
// against every database: versioning, live list changes, allow overrides, the review flow,
// and that one tenant's key can neither read nor change another tenant's data.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createService, DEFAULT_TENANT_ID, ensureAdminKey } from '../src/service/index.js';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

for (const db of databases()) {
  describe(`resources (${db.name})`, () => {
    let s: TestServer;
    before(async () => { s = await startServer(db.url); });
    after(async () => { await s.close(); });

    test('policies: every change is a new version and decisions record name@version', async () => {
      const before = await s.call('GET', '/v1/policies/default');
      assert.equal(before.status, 200);
      assert.equal(before.body.version, 1);
      const put = await s.call('PUT', '/v1/policies/default', { categories: { ads: { review: 0.3, block: 0.5 } } });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.equal(put.body.version, 2);
      assert.equal(put.body.categories.hate.block, 'high', 'categories left out keep the defaults');
      const d = await s.call('POST', '/v1/moderate/text', { text: 'visit example dot com today' });
      assert.equal(d.body.policy, 'default@2');
      assert.equal(d.body.suggestion, 'block', JSON.stringify(d.body.categories.ads));
      assert.equal((await s.call('GET', '/v1/policies/default?version=1')).body.version, 1);
      assert.equal((await s.call('GET', '/v1/policies/default/versions')).body.versions.length, 2);
      const bad = await s.call('PUT', '/v1/policies/default', { categories: { politics: { block: 0.5 } } });
      assert.equal(bad.body.code, 'ATTRIBUTE_NOT_SUPPORTED');
      const bad2 = await s.call('PUT', '/v1/policies/default', { categories: { hate: { block: 7 } } });
      assert.equal(bad2.body.code, 'POLICY_INVALID');
      const bad3 = await s.call('PUT', '/v1/policies/default', { lists: ['lst_does_not_exist'] });
      assert.equal(bad3.status, 400);
      assert.equal(bad3.body.code, 'POLICY_INVALID');
      assert.match(bad3.body.message, /lst_does_not_exist/);
      assert.equal((await s.call('GET', '/v1/policies/default')).body.version, 2, 'a refused policy stores no version');
      const list = await s.call('POST', '/v1/lists', { name: 'for-policy', kind: 'keyword', action: 'review', category: 'spam', match: 'normalized' });
      const scoped = await s.call('PUT', '/v1/policies/scoped', { lists: [list.body.id] });
      assert.equal(scoped.status, 200, JSON.stringify(scoped.body));
      assert.deepEqual(scoped.body.lists, [list.body.id]);
      await s.call('PUT', '/v1/policies/strict', { categories: { profanity: { block: 'low' } } });
      const strict = await s.call('POST', '/v1/moderate/text', { text: 'this is shit', policy: 'strict' });
      assert.equal(strict.body.policy, 'strict@1');
      assert.equal(strict.body.suggestion, 'block');
    });

    test('lists: entries apply to the next request, allow overrides built-in hits and says so', async () => {
      const list = await s.call('POST', '/v1/lists', { name: 'banned', kind: 'keyword', action: 'block', category: 'illicit', match: 'normalized' });
      assert.equal(list.status, 201, JSON.stringify(list.body));
      assert.equal((await s.call('POST', '/v1/lists', { name: 'banned', action: 'block', category: 'illicit' })).body.code, 'LIST_NAME_TAKEN');
      const text = 'cheap z4nax here';
      assert.equal((await s.call('POST', '/v1/moderate/text', { text })).body.suggestion, 'pass');
      const add = await s.call('POST', `/v1/lists/${list.body.id}/entries`, { entries: [{ value: 'zanax' }, { value: 'zanax' }] });
      assert.deepEqual(add.body, { added: 1, skipped: 1 });
      const hit = await s.call('POST', '/v1/moderate/text', { text });
      assert.equal(hit.body.suggestion, 'block');
      const ev = hit.body.evidence.find((e: any) => e.source === 'list');
      assert.equal(text.slice(ev.span.start, ev.span.end), 'z4nax');
      assert.equal(ev.listId, list.body.id);

      const allow = await s.call('POST', '/v1/lists', { name: 'ok-words', action: 'allow', category: 'profanity' });
      const swear = 'well damn, nice';
      const beforeAllow = await s.call('POST', '/v1/moderate/text', { text: swear });
      const builtin = beforeAllow.body.evidence.find((e: any) => e.source === 'lexicon');
      assert.ok(builtin, 'the built-in lexicon flags it first');
      await s.call('POST', `/v1/lists/${allow.body.id}/entries`, { entries: [{ value: 'damn' }] });
      const allowed = await s.call('POST', '/v1/moderate/text', { text: swear });
      assert.equal(allowed.body.evidence.filter((e: any) => e.source === 'lexicon').length, 0);
      const override = allowed.body.evidence.find((e: any) => e.action === 'allow');
      assert.ok(override.overrides.includes(builtin.rule));
      assert.equal(allowed.body.maskedText, swear);

      const page1 = await s.call('GET', `/v1/lists/${list.body.id}/entries?limit=1`);
      assert.equal(page1.body.entries[0].value, 'zanax');
      const badPattern = await s.call('POST', '/v1/lists', { name: 'pat', action: 'review', category: 'spam', match: 'pattern' });
      const bad = await s.call('POST', `/v1/lists/${badPattern.body.id}/entries`, { entries: [{ value: '((' }] });
      assert.equal(bad.body.code, 'LIST_PATTERN_INVALID');
      assert.equal((await s.call('DELETE', `/v1/lists/${list.body.id}`)).status, 204);
      assert.equal((await s.call('POST', '/v1/moderate/text', { text })).body.suggestion, 'pass');
    });

    test('decisions: filter by suggestion and category, page with a cursor', async () => {
      for (const text of ['I will kill you', 'you are an idiot', 'nice weather', 'call me at 415 555 0100']) {
        await s.call('POST', '/v1/moderate/text', { text, dataId: 'filter-test' });
      }
      const all = await s.call('GET', '/v1/decisions?dataId=filter-test&limit=2');
      assert.equal(all.body.decisions.length, 2);
      assert.ok(all.body.nextCursor);
      const next = await s.call('GET', `/v1/decisions?dataId=filter-test&limit=2&cursor=${all.body.nextCursor}`);
      assert.equal(next.body.decisions.length, 2);
      const ids = new Set([...all.body.decisions, ...next.body.decisions].map((d: any) => d.id));
      assert.equal(ids.size, 4);
      const violent = await s.call('GET', '/v1/decisions?category=violence&dataId=filter-test');
      assert.ok(violent.body.decisions.length >= 1);
      assert.ok(violent.body.decisions.every((d: any) => d.categories.violence.severity !== 'none'));
      const blocked = await s.call('GET', '/v1/decisions?suggestion=block');
      assert.ok(blocked.body.decisions.every((d: any) => d.suggestion === 'block'));
      assert.equal((await s.call('GET', '/v1/decisions?cursor=garbage')).body.code, 'CURSOR_INVALID');
      const auditCursor = Buffer.from('evt_01a1ff00000000000000000a').toString('base64url');
      assert.equal((await s.call('GET', `/v1/decisions?cursor=${auditCursor}`)).body.code, 'CURSOR_INVALID', 'a cursor of another resource');
      assert.equal((await s.call('GET', '/v1/decisions/dec_missing')).status, 404);
    });

    test('reviews: a review decision opens an item; claim, decide, and the outcome sits beside the decision', async () => {
      const d = await s.call('POST', '/v1/moderate/text', { text: 'you are an idiot' });
      assert.equal(d.body.suggestion, 'review', JSON.stringify(d.body.categories));
      const queue = await s.call('GET', '/v1/reviews?status=open&order=riskiest');
      const item = queue.body.reviews.find((r: any) => r.decisionId === d.body.id);
      assert.ok(item);
      assert.equal(item.decision.id, d.body.id);
      const reviewerKey = (await s.call('POST', '/v1/keys', { name: 'reviewer', scopes: ['review'] })).body;
      const reviewer = reviewerKey.key;
      const other = (await s.call('POST', '/v1/keys', { name: 'reviewer 2', scopes: ['review'] })).body.key;
      const claim = (await s.call('POST', `/v1/reviews/${item.id}/claim`, undefined, reviewer)).body;
      assert.deepEqual([claim.status, claim.claimedBy, claim.claimedByName], ['claimed', reviewerKey.id, 'reviewer']);
      assert.equal((await s.call('POST', `/v1/reviews/${item.id}/claim`, undefined, other)).body.code, 'REVIEW_CLAIMED_BY_OTHER');
      assert.equal((await s.call('POST', `/v1/reviews/${item.id}/decide`, { outcome: 'approve' }, other)).body.code, 'REVIEW_CLAIMED_BY_OTHER');
      const list = await s.call('POST', '/v1/lists', { name: 'reviewed-insults', action: 'block', category: 'harassment' });
      const decided = await s.call('POST', `/v1/reviews/${item.id}/decide`, {
        outcome: 'reject', labels: ['insult'], note: 'clear insult', addToList: { listId: list.body.id, value: 'idiot' },
      }, reviewer);
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.outcome, 'reject');
      assert.equal((await s.call('POST', `/v1/reviews/${item.id}/decide`, { outcome: 'approve' }, reviewer)).body.code, 'REVIEW_ALREADY_DECIDED');
      const stored = await s.call('GET', `/v1/decisions/${d.body.id}`);
      assert.equal(stored.body.review.outcome, 'reject');
      assert.deepEqual(stored.body.review.labels, ['insult']);
      assert.deepEqual([stored.body.review.decidedBy, stored.body.review.decidedByName], [reviewerKey.id, 'reviewer'], 'who decided');
      assert.equal((await s.call('GET', `/v1/reviews/${item.id}`)).body.decidedByName, 'reviewer');
      const listed = await s.call('GET', '/v1/decisions?limit=500');
      const byId = new Map(listed.body.decisions.map((x: any) => [x.id, x]));
      assert.deepEqual((byId.get(d.body.id) as any).review, stored.body.review, 'the list carries the outcome too');
      assert.ok(listed.body.decisions.some((x: any) => x.suggestion === 'pass' && x.review === null), 'unreviewed: review is null');
      const rejected = await s.call('GET', '/v1/decisions?review=reject&limit=500');
      assert.ok(rejected.body.decisions.some((x: any) => x.id === d.body.id), 'found by the reviewer\'s outcome');
      assert.ok(rejected.body.decisions.every((x: any) => x.review?.outcome === 'reject'), JSON.stringify(rejected.body));
      const never = await s.call('GET', '/v1/decisions?review=none&limit=500');
      assert.ok(never.body.decisions.length > 0 && never.body.decisions.every((x: any) => x.review === null));
      assert.equal((await s.call('GET', '/v1/decisions?review=maybe')).body.code, 'REQUEST_INVALID');
      assert.equal((await s.call('POST', '/v1/moderate/text', { text: 'you are an idiot' })).body.suggestion, 'block');
      const audit = await s.call('GET', '/v1/audit');
      assert.ok(audit.body.events.some((e: any) => e.action === 'review.decide'));
    });

    test('settings: a tenant can opt in to storing content with decisions', async () => {
      assert.deepEqual((await s.call('GET', '/v1/settings')).body, { storeContent: false, includeTranscript: true });
      assert.deepEqual((await s.call('PATCH', '/v1/settings', { storeContent: true })).body, { storeContent: true, includeTranscript: true });
      assert.deepEqual((await s.call('PATCH', '/v1/settings', { includeTranscript: false })).body, { storeContent: true, includeTranscript: false });
      await s.call('PATCH', '/v1/settings', { includeTranscript: true });
      const d = await s.call('POST', '/v1/moderate/text', { text: 'keep me' });
      assert.equal((await s.call('GET', `/v1/decisions/${d.body.id}`)).body.content, 'keep me');
      await s.call('PATCH', '/v1/settings', { storeContent: false });
      assert.equal((await s.call('PATCH', '/v1/settings', { storeContent: 'yes' })).body.code, 'REQUEST_INVALID');
    });

    test('tenants: one tenant cannot read or change another tenant\'s data', async () => {
      const tenantB = await s.service.stores.tenants.create('tenant b');
      const keyB = (await s.service.stores.keys.create({ tenantId: tenantB.id, name: 'b admin', scopes: ['admin'] })).key;
      const listA = await s.call('POST', '/v1/lists', { name: 'a-private', action: 'block', category: 'spam' });
      const decA = await s.call('POST', '/v1/moderate/text', { text: 'you are an idiot' });
      const reviewA = (await s.call('GET', '/v1/reviews?status=open')).body.reviews[0];
      assert.equal((await s.call('GET', `/v1/lists/${listA.body.id}`, undefined, keyB)).status, 404);
      assert.equal((await s.call('POST', `/v1/lists/${listA.body.id}/entries`, { entries: [{ value: 'x' }] }, keyB)).status, 404);
      assert.equal((await s.call('DELETE', `/v1/lists/${listA.body.id}`, undefined, keyB)).status, 404);
      assert.equal((await s.call('GET', `/v1/decisions/${decA.body.id}`, undefined, keyB)).status, 404);
      assert.equal((await s.call('GET', '/v1/decisions', undefined, keyB)).body.decisions.length, 0);
      assert.equal((await s.call('GET', `/v1/reviews/${reviewA.id}`, undefined, keyB)).status, 404);
      assert.equal((await s.call('POST', `/v1/reviews/${reviewA.id}/claim`, undefined, keyB)).status, 404);
      assert.equal((await s.call('GET', '/v1/lists', undefined, keyB)).body.lists.length, 0);
      await s.call('PUT', '/v1/policies/default', { categories: { spam: { block: 0.1 } } }, keyB);
      const aPolicy = await s.call('GET', '/v1/policies/default');
      assert.notEqual(aPolicy.body.categories.spam.block, 0.1);
      assert.equal((await s.call('GET', `/v1/lists/${listA.body.id}`)).status, 200);
    });

    test('service endpoints: health, readiness, metrics, OpenAPI, docs', async () => {
      assert.equal((await s.call('GET', '/healthz', undefined, null)).body.status, 'ok');
      const ready = await s.call('GET', '/readyz', undefined, null);
      assert.equal(ready.status, 200);
      assert.equal(ready.body.checks.database, 'ok');
      const metrics = await fetch(`${s.url}/metrics`).then((r) => r.text());
      assert.match(metrics, /bulwark_decisions_total\{kind="text",suggestion="(pass|review|block)"\} \d+/);
      assert.match(metrics, /bulwark_http_request_duration_seconds_bucket/);
      const doc = await s.call('GET', '/openapi.json', undefined, null);
      assert.equal(doc.body.openapi, '3.1.0');
      assert.ok(doc.body.paths['/v1/moderate/text'].post);
      assert.ok(doc.body.paths['/v1/reviews/{id}/decide'].post);
      const docs = await fetch(`${s.url}/docs/`);
      assert.equal(docs.status, 200);
      assert.match(await docs.text(), /swagger/i);
      const missing = await s.call('GET', '/v1/nowhere');
      assert.deepEqual([missing.status, missing.body.code], [404, 'NOT_FOUND']);
    });
  });
}

describe('the operator key (BULWARK_API_KEY)', () => {
  test('is listed without revealing it, and a new value revokes the old one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bulwark-rotate-'));
    const start = async (key: string) => {
      const service = await createService(loadConfig({ BULWARK_DATA_DIR: dataDir, BULWARK_API_KEY: key, LOG_LEVEL: 'silent' }));
      await ensureAdminKey(service);
      return service;
    };
    const first = await start('the-first-operator-key');
    const listed = await first.stores.keys.list(DEFAULT_TENANT_ID);
    assert.match(listed[0].prefix, /^sha256:[0-9a-f]{8}$/);
    assert.ok(!JSON.stringify(listed).includes('the-first'));
    await first.close();
    const rotated = await start('a-brand-new-operator-key');
    assert.equal(await rotated.stores.keys.findByKey('the-first-operator-key'), null, 'the old key no longer works');
    assert.ok(await rotated.stores.keys.findByKey('a-brand-new-operator-key'));
    await rotated.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
