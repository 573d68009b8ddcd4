// The text moderation API end to end on a real socket: decision shape, evidence spans in the
// original text, masking, batches, limits and bad input — each with its documented error code.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { request } from 'node:http';
import { CATEGORIES } from '../src/content/index.js';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

for (const db of databases()) {
  describe(`POST /v1/moderate/text (${db.name})`, () => {
    let s: TestServer;
    before(async () => { s = await startServer(db.url); });
    after(async () => { await s.close(); });

    test('a spaced-out insult is found, its span points at the original, and it is masked', async () => {
      const { status, body } = await s.call('POST', '/v1/moderate/text', { text: 'f.u.c.k you' });
      assert.equal(status, 200);
      assert.match(body.id, /^dec_/);
      assert.notEqual(body.suggestion, 'pass');
      assert.equal(body.policy, 'default@1');
      assert.deepEqual(Object.keys(body.categories).sort(), [...CATEGORIES].sort());
      for (const c of Object.values<any>(body.categories)) assert.ok(c.score >= 0 && c.score <= 1);
      const hit = body.evidence.find((e: any) => e.text.startsWith('f.u.c.k'));
      assert.ok(hit, JSON.stringify(body.evidence));
      assert.equal(hit.span.start, 0);
      assert.equal('f.u.c.k you'.slice(hit.span.start, hit.span.end), hit.text);
      assert.ok(body.maskedText.startsWith('*******'));
      assert.equal(typeof body.latencyMs, 'number');
    });

    test('innocent text passes with every category present', async () => {
      const { body } = await s.call('POST', '/v1/moderate/text', { text: 'The Scunthorpe classic at Essex: kill a process, shoot a photo.' });
      assert.equal(body.suggestion, 'pass', JSON.stringify(body.evidence));
      assert.equal(body.maskedText, 'The Scunthorpe classic at Essex: kill a process, shoot a photo.');
    });

    test('a batch answers in order and stores dataId and metadata', async () => {
      const texts = ['hello there', 'I will kill you', 'have a nice day'];
      const { status, body } = await s.call('POST', '/v1/moderate/text', { texts, dataId: 'msg-1', metadata: { room: 'lobby' } });
      assert.equal(status, 200);
      assert.equal(body.results.length, 3);
      assert.equal(body.results[0].suggestion, 'pass');
      assert.equal(body.results[1].suggestion, 'block');
      assert.equal(body.results[2].suggestion, 'pass');
      const stored = await s.call('GET', `/v1/decisions/${body.results[1].id}`);
      assert.equal(stored.status, 200);
      assert.equal(stored.body.dataId, 'msg-1');
      assert.deepEqual(stored.body.metadata, { room: 'lobby' });
      assert.match(stored.body.contentHash, /^sha256:[0-9a-f]{64}$/);
      assert.equal(stored.body.content, null, 'content is not stored unless the tenant opts in');
    });

    test('PII is masked and scored', async () => {
      const text = 'card 4111 1111 1111 1111 mail jo@example.org';
      const { body } = await s.call('POST', '/v1/moderate/text', { text });
      assert.ok(body.categories.pii.score >= 0.5);
      assert.ok(!body.maskedText.includes('4111 1111'));
      assert.equal(body.maskedText.length, text.length);
    });

    const limits: [string, unknown, number, string][] = [
      ['empty text', { text: '  ' }, 400, 'CONTENT_EMPTY'],
      ['text over the limit', { text: 'a'.repeat(10_001) }, 413, 'CONTENT_TOO_LARGE'],
      ['101-item batch', { texts: Array.from({ length: 101 }, () => 'hi') }, 413, 'CONTENT_BATCH_TOO_LARGE'],
      ['empty batch', { texts: [] }, 400, 'REQUEST_INVALID'],
      ['both text and texts', { text: 'a', texts: ['b'] }, 400, 'REQUEST_INVALID'],
      ['neither', { policy: 'default' }, 400, 'REQUEST_INVALID'],
      ['wrong type', { text: 42 }, 400, 'REQUEST_INVALID'],
      ['unknown field', { text: 'hi', colour: 'red' }, 400, 'REQUEST_INVALID'],
      ['unknown policy', { text: 'hi', policy: 'nope' }, 404, 'POLICY_NOT_FOUND'],
      ['protected attribute', { text: 'hi', attributes: ['ethnicity', 'age'] }, 400, 'ATTRIBUTE_NOT_SUPPORTED'],
    ];
    for (const [name, body, status, code] of limits) {
      test(`bad input: ${name} → ${status} ${code}`, async () => {
        const res = await s.call('POST', '/v1/moderate/text', body);
        assert.equal(res.status, status, JSON.stringify(res.body));
        assert.equal(res.body.code, code);
        assert.equal(res.body.statusCode, status);
        assert.equal(res.body.requestId, res.headers.get('x-request-id'));
        assert.equal(typeof res.body.message, 'string');
      });
    }

    test('a text of exactly 10,000 characters is accepted', async () => {
      const res = await s.call('POST', '/v1/moderate/text', { text: 'ab '.repeat(3333) + 'a' });
      assert.equal(res.status, 200);
    });

    test('raw bodies: invalid JSON, invalid UTF-8, wrong content type, 50 MB', async () => {
      const raw = async (body: Blob | string, type = 'application/json') => {
        const res = await fetch(`${s.url}/v1/moderate/text`, {
          method: 'POST', headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': type }, body,
        });
        return { status: res.status, body: (await res.json()) as any };
      };
      assert.deepEqual(pick(await raw('{"text": ')), [400, 'REQUEST_INVALID_JSON']);
      assert.deepEqual(pick(await raw(new Blob([new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])]))), [400, 'REQUEST_INVALID_UTF8']);
      assert.deepEqual(pick(await raw('hello', 'text/plain')), [415, 'REQUEST_UNSUPPORTED_MEDIA_TYPE']);
      assert.deepEqual(pick(await raw('{"__proto__": {"x": 1}, "text": "hi"}')), [400, 'REQUEST_INVALID_JSON']);
      const big = await postHuge(s.url, s.adminKey, 50 * 1024 * 1024);
      assert.equal(big.status, 413);
      assert.equal(big.code, 'REQUEST_BODY_TOO_LARGE');
      const after = await s.call('POST', '/v1/moderate/text', { text: 'still serving?' });
      assert.equal(after.status, 200);
    });

    test('auth: missing key, unknown key, wrong scope', async () => {
      assert.equal((await s.call('POST', '/v1/moderate/text', { text: 'x' }, null)).body.code, 'AUTH_MISSING_KEY');
      assert.equal((await s.call('POST', '/v1/moderate/text', { text: 'x' }, 'bw_nope')).body.code, 'AUTH_INVALID_KEY');
      const mod = await s.call('POST', '/v1/keys', { name: 'app', scopes: ['moderate'] });
      assert.equal(mod.status, 201);
      assert.equal((await s.call('POST', '/v1/moderate/text', { text: 'x' }, mod.body.key)).status, 200);
      const denied = await s.call('GET', '/v1/decisions', undefined, mod.body.key);
      assert.deepEqual([denied.status, denied.body.code], [403, 'AUTH_FORBIDDEN_SCOPE']);
      const me = await s.call('GET', '/v1/me', undefined, mod.body.key);
      assert.deepEqual([me.status, me.body.keyId, me.body.scopes], [200, mod.body.id, ['moderate']]);
      assert.equal((await s.call('GET', '/v1/me', undefined, 'bw_nope')).body.code, 'AUTH_INVALID_KEY');
    });
  });
}

function pick(r: { status: number; body: any }): [number, string] {
  return [r.status, r.body.code];
}

/** Streams a body of `bytes` without building it in memory; resolves with the server's answer. */
function postHuge(base: string, key: string, bytes: number): Promise<{ status: number; code: string }> {
  const url = new URL('/v1/moderate/text', base);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': bytes } }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(data) as { code: string }).code }));
    });
    req.on('error', (err) => reject(err));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) { req.once('drain', pump); return; }
      }
      req.end();
    };
    req.on('response', () => { sent = bytes; });
    pump();
  });
}
