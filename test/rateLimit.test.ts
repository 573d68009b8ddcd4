// BULWARK_RATE_LIMIT on a real socket: a flood from one key gets 429 REQUEST_RATE_LIMITED with
// Retry-After after its burst, other keys and the health routes are unaffected.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

describe('per-key rate limit', () => {
  let s: TestServer;
  before(async () => { s = await startServer(null, { BULWARK_RATE_LIMIT: '5' }); });
  after(async () => { await s.close(); });

  test('a flood from one key is limited after its burst; another key and /healthz still pass', async () => {
    const other = await s.call('POST', '/v1/keys', { name: 'other', scopes: ['moderate'] });
    const statuses: number[] = [];
    let limited: { body: any; headers: Headers } | null = null;
    for (let i = 0; i < 30; i++) {
      const r = await s.call('POST', '/v1/moderate/text', { text: `hello ${i}` });
      statuses.push(r.status);
      if (r.status === 429) limited ??= r;
    }
    const ok = statuses.filter((x) => x === 200).length;
    assert.ok(ok >= 9 && ok < 30, `the burst passes, the flood does not: ${statuses.join(',')}`);
    assert.ok(limited, 'some requests were limited');
    assert.equal(limited.body.code, 'REQUEST_RATE_LIMITED');
    assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal((await s.call('POST', '/v1/moderate/text', { text: 'hi' }, other.body.key)).status, 200);
    assert.equal((await s.call('GET', '/healthz', undefined, null)).status, 200);
  });
});
