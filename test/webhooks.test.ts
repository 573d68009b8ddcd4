// Webhooks end to end on a real socket: register an endpoint on a local receiver, see a flagged
// decision and a decided review arrive signed with the endpoint's secret, read the delivery log,
// send a delivery again, rotate the secret; refused URLs and foreign ids get their codes.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifySignature } from '../src/webhooks/signature.js';
import { receiver } from './support/receiver.js';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

for (const db of databases()) {
  describe(`webhooks (${db.name})`, () => {
    let s: TestServer;
    const hook = receiver();
    let endpoint: { id: string; secret: string };
    before(async () => {
      await hook.listen();
      s = await startServer(db.url, { BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1' });
    });
    after(async () => {
      await s.close();
      await hook.close();
    });

    test('an endpoint is registered with its secret shown once; unsafe URLs are refused', async () => {
      for (const url of ['ftp://127.0.0.1/x', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest', 'not a url']) {
        const refused = await s.call('POST', '/v1/webhooks', { url, events: ['decision.flagged'] });
        assert.equal(refused.status, 400, url);
        assert.equal(refused.body.code, 'URL_NOT_ALLOWED', url);
      }
      const bad = await s.call('POST', '/v1/webhooks', { url: hook.url, events: ['decision.everything'] });
      assert.equal(bad.body.code, 'REQUEST_INVALID');
      const created = await s.call('POST', '/v1/webhooks', { url: hook.url, events: ['decision.flagged', 'review.decided'], description: 'moderation bot' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.match(created.body.secret, /^whsec_/);
      assert.equal(created.body.enabled, true);
      endpoint = created.body;
      const listed = await s.call('GET', '/v1/webhooks');
      assert.deepEqual(listed.body.webhooks.map((w: any) => w.id), [endpoint.id]);
      assert.equal(listed.body.webhooks[0].secret, undefined, 'the secret is never listed');
    });

    test('a flagged decision arrives signed, as the API returned it; a passing one sends nothing', async () => {
      const pass = await s.call('POST', '/v1/moderate/text', { text: 'see you at lunch' });
      assert.equal(pass.body.suggestion, 'pass');
      const flagged = await s.call('POST', '/v1/moderate/text', { text: 'I will kill you tomorrow', dataId: 'msg-7' });
      assert.equal(flagged.body.suggestion, 'block');
      const got = await hook.next((r) => r.event === 'decision.flagged' && r.json.data.decision.id === flagged.body.id);
      assert.ok(verifySignature(got.signature, got.body, endpoint.secret), got.signature);
      assert.equal(got.json.type, 'decision.flagged');
      assert.match(got.json.id, /^wev_/);
      assert.equal(got.json.data.decision.dataId, 'msg-7');
      assert.deepEqual(got.json.data.decision.evidence, flagged.body.evidence);
      assert.equal(got.json.data.decision.content, undefined, 'the content is never sent');
      assert.ok(!hook.received.some((r) => r.json.data.decision?.id === pass.body.id));
    });

    test('a decided review arrives as review.decided', async () => {
      const list = await s.call('POST', '/v1/lists', { name: 'watch', action: 'review', category: 'spam' });
      await s.call('POST', `/v1/lists/${list.body.id}/entries`, { entries: [{ value: 'bluebird' }] });
      const decision = await s.call('POST', '/v1/moderate/text', { text: 'bluebird sale today' });
      assert.equal(decision.body.suggestion, 'review');
      const queue = await s.call('GET', '/v1/reviews?status=open');
      const review = queue.body.reviews.find((r: any) => r.decisionId === decision.body.id);
      await s.call('POST', `/v1/reviews/${review.id}/claim`);
      const decided = await s.call('POST', `/v1/reviews/${review.id}/decide`, { outcome: 'reject', labels: ['spam'] });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      const got = await hook.next((r) => r.event === 'review.decided' && r.json.data.review.id === review.id);
      assert.deepEqual([got.json.data.review.outcome, got.json.data.review.labels, got.json.data.review.decisionId], ['reject', ['spam'], decision.body.id]);
    });

    test('the delivery log, a redelivery with the same event id, and a rotated secret', async () => {
      const log = await s.call('GET', `/v1/webhooks/${endpoint.id}/deliveries?limit=50`);
      assert.equal(log.status, 200);
      assert.ok(log.body.deliveries.length >= 3);
      const first = log.body.deliveries.at(-1);
      assert.deepEqual([first.status, first.attempts, first.responseStatus, first.lastError], ['delivered', 1, 204, null]);
      const rotated = await s.call('POST', `/v1/webhooks/${endpoint.id}/rotate-secret`);
      assert.notEqual(rotated.body.secret, endpoint.secret);
      const again = await s.call('POST', `/v1/webhooks/${endpoint.id}/deliveries/${first.id}/redeliver`);
      assert.equal(again.status, 202);
      assert.equal(again.body.eventId, first.eventId);
      const got = await hook.next((r) => r.json.id === first.eventId && verifySignature(r.signature, r.body, rotated.body.secret));
      assert.ok(!verifySignature(got.signature, got.body, endpoint.secret), 'the old secret no longer signs');
      assert.equal(hook.received.filter((r) => r.json.id === first.eventId).length, 2);
    });

    test('disable, enable, delete; foreign and unknown ids are 404', async () => {
      const off = await s.call('PATCH', `/v1/webhooks/${endpoint.id}`, { enabled: false });
      assert.deepEqual([off.body.enabled, off.body.disabledReason], [false, 'disabled through the API']);
      const on = await s.call('PATCH', `/v1/webhooks/${endpoint.id}`, { enabled: true, events: ['job.failed'] });
      assert.deepEqual([on.body.enabled, on.body.disabledReason, on.body.events], [true, null, ['job.failed']]);
      assert.equal((await s.call('GET', '/v1/webhooks/whk_nope')).body.code, 'WEBHOOK_NOT_FOUND');
      assert.equal((await s.call('POST', `/v1/webhooks/${endpoint.id}/deliveries/dlv_nope/redeliver`)).body.code, 'DELIVERY_NOT_FOUND');
      assert.equal((await s.call('DELETE', `/v1/webhooks/${endpoint.id}`)).status, 204);
      assert.equal((await s.call('GET', `/v1/webhooks/${endpoint.id}/deliveries`)).status, 404);
    });
  });
}
