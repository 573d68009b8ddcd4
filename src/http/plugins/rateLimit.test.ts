// The token bucket with an explicit clock: a burst of two seconds' worth, then one per 1/rate.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyRateLimiter } from './rateLimit.js';

test('a key gets a two-second burst, then refills at its rate; keys are independent', () => {
  const limiter = new KeyRateLimiter(5);
  for (let i = 0; i < 10; i++) assert.equal(limiter.take('a', 0), 0, `request ${i} of the burst`);
  const wait = limiter.take('a', 0);
  assert.ok(Math.abs(wait - 0.2) < 1e-9, `one token takes 1/5 s, got ${wait}`);
  assert.equal(limiter.take('b', 0), 0, 'another key has its own bucket');
  assert.equal(limiter.take('a', 200), 0, 'after 200 ms one more passes');
  assert.ok(limiter.take('a', 200) > 0);
  assert.equal(limiter.take('a', 60_000), 0, 'an idle key refills (up to the burst)');
});
