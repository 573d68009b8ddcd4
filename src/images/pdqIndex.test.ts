import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearPdqCopy, randomPdqHashes } from './fixtures.js';
import { hammingDistance } from './pdq.js';
import { PdqIndex } from './pdqIndex.js';

function bruteForce(hashes: readonly string[], query: string, max: number) {
  return hashes.map((h, id) => ({ id, distance: hammingDistance(h, query) })).filter((h) => h.distance <= max)
    .sort((a, b) => a.distance - b.distance || a.id - b.id);
}

test('finds exactly what a full scan finds, at distances across the chunk radius', () => {
  const hashes = randomPdqHashes(20_000, 1);
  const index = new PdqIndex(hashes);
  for (let k = 0; k < 60; k++) {
    const query = nearPdqCopy(hashes[(k * 331) % hashes.length], k % 48, k);
    for (const max of [0, 15, 16, 31, 47]) assert.deepEqual(index.search(query, max), bruteForce(hashes, query, max), `query ${k}, max ${max}`);
  }
});

test('a copy flipped in 31 bits is found at the default distance; one in 32 bits is not', () => {
  const hashes = randomPdqHashes(5_000, 2);
  const index = new PdqIndex(hashes);
  assert.deepEqual(index.search(nearPdqCopy(hashes[42], 31, 9), 31), [{ id: 42, distance: 31 }]);
  assert.deepEqual(index.search(nearPdqCopy(hashes[42], 32, 9), 31), []);
});

test('an empty index finds nothing; a malformed hash is refused', () => {
  assert.deepEqual(new PdqIndex([]).search('0'.repeat(64), 31), []);
  assert.throws(() => new PdqIndex(['xyz']), RangeError);
});
