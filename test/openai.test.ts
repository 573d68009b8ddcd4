// POST /v1/moderations through the official `openai` client, pointed at Bulwark with baseURL as a
// real client would be: OpenAI's shape and keys, flags from the tenant's default policy, errors as
// the client surfaces them, and every input recorded in the audit log.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import { OPENAI_CATEGORY_KEYS } from '../src/moderation/index.js';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

for (const db of databases()) {
  describe(`POST /v1/moderations with the openai client (${db.name})`, () => {
    let s: TestServer;
    let client: OpenAI;
    before(async () => {
      s = await startServer(db.url);
      client = new OpenAI({ apiKey: s.adminKey, baseURL: `${s.url}/v1`, maxRetries: 0 });
    });
    after(async () => { await s.close(); });

    test('a batch answers in order, in OpenAI\'s shape, flagged by the default policy', async () => {
      const r = await client.moderations.create({ model: 'omni-moderation-latest', input: ['I will kill you', 'have a lovely day at the beach'] });
      assert.match(r.id, /^modr-/);
      assert.equal(r.model, 'omni-moderation-latest');
      assert.equal(r.results.length, 2);
      const [threat, calm] = r.results;
      for (const result of r.results) {
        assert.deepEqual(Object.keys(result.category_scores).sort(), [...OPENAI_CATEGORY_KEYS].sort());
        assert.deepEqual(Object.keys(result.categories).sort(), [...OPENAI_CATEGORY_KEYS].sort());
        for (const v of Object.values(result.category_scores)) assert.ok(v >= 0 && v <= 1);
        assert.deepEqual(result.category_applied_input_types.violence, ['text']);
      }
      assert.equal(threat.flagged, true);
      assert.equal(threat.categories.violence, true);
      assert.ok(threat.category_scores.violence >= 0.9, JSON.stringify(threat.category_scores));
      assert.equal(calm.flagged, false);
      assert.ok(Object.values(calm.categories).every((v) => v === false));
    });

    test('a single string and text content parts are accepted; the decisions are in the audit log', async () => {
      const one = await client.moderations.create({ input: 'nobody would miss you, go kill yourself' });
      assert.equal(one.results.length, 1);
      assert.equal(one.results[0].flagged, true);
      assert.ok(one.results[0].category_scores['self-harm'] > 0.4 || one.results[0].category_scores.harassment > 0.4);
      const parts = await client.moderations.create({ input: [{ type: 'text', text: 'what a lovely garden' }] });
      assert.equal(parts.results[0].flagged, false);
      const { body } = await s.call('GET', '/v1/decisions?limit=10');
      assert.ok(body.decisions.length >= 4);
    });

    test('errors reach the client with their status: images, empty text, a wrong key', async () => {
      await assert.rejects(client.moderations.create({ input: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }),
        (err: unknown) => err instanceof OpenAI.APIError && err.status === 415);
      await assert.rejects(client.moderations.create({ input: '   ' }), (err: unknown) => err instanceof OpenAI.APIError && err.status === 400);
      const stranger = new OpenAI({ apiKey: 'bw_not_a_real_key_0000000000', baseURL: `${s.url}/v1`, maxRetries: 0 });
      await assert.rejects(stranger.moderations.create({ input: 'hello' }), (err: unknown) => err instanceof OpenAI.AuthenticationError);
    });
  });
}
