// Custom keyword lists end to end with the real normaliser: the three match kinds, validation,
// and a 100,000-entry list.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BulwarkError } from '../errors.js';
import { normalizeForMatching } from '../normalize/index.js';
import { compileKeywordList, validateListEntry } from './index.js';
import type { KeywordListSpec } from './index.js';

const list = (match: KeywordListSpec['match'], entries: string[], action: KeywordListSpec['action'] = 'block') =>
  compileKeywordList({ id: 'l1', name: 'test', action, category: 'spam', match, entries });

const find = (l: ReturnType<typeof list>, text: string) => l.find(normalizeForMatching(text));

test('normalized entries catch evasions and report the original span and the entry as written', () => {
  const l = list('normalized', ['Bad Word', 'scam*']);
  assert.deepEqual(find(l, 'this is a B.A.D w0rd!'), [{ text: 'B.A.D w0rd', span: { start: 10, end: 20 }, entry: 'Bad Word' }]);
  assert.deepEqual(find(l, 'ｓｃａｍｍｅｒｓ here').map((h) => h.text), ['ｓｃａｍｍｅｒｓ']);
  assert.deepEqual(find(l, 'badwords and scampi'.replace('scampi', 'escam')), []);
});

test('exact entries match the original text case-insensitively with boundaries, without folding', () => {
  const l = list('exact', ['Promo Code', 'c++']);
  assert.deepEqual(find(l, 'use PROMO CODE now').map((h) => h.span), [{ start: 4, end: 14 }]);
  assert.deepEqual(find(l, 'use pr0mo code now'), [], 'no leet folding for exact lists');
  assert.deepEqual(find(l, 'promo codes'), []);
  assert.deepEqual(find(l, 'i like c++.').map((h) => h.text), ['c++']);
});

test('pattern entries match the folded text and map spans back', () => {
  const l = list('pattern', ['(buy|cheap) (followers|likes)', 'kill ~ you']);
  assert.deepEqual(find(l, 'BUY  F0LLOWERS today').map((h) => h.text), ['BUY  F0LLOWERS']);
  assert.deepEqual(find(l, 'I will kill all of you').map((h) => h.entry), ['kill ~ you']);
});

test('allow lists compile like any other list', () => {
  const l = list('normalized', ['scunthorpe united'], 'allow');
  assert.equal(l.action, 'allow');
  assert.equal(find(l, 'Scunthorpe United won').length, 1);
});

test('validateListEntry refuses what would not compile', () => {
  assert.equal(validateListEntry('pattern', ' (a|b) c '), '(a|b) c');
  for (const bad of ['(open', 'x'.repeat(201), '~ you', '*']) {
    assert.throws(() => validateListEntry('pattern', bad), (e: unknown) => e instanceof BulwarkError && e.code === 'LIST_PATTERN_INVALID');
  }
  assert.throws(() => validateListEntry('normalized', '   '), (e: unknown) => e instanceof BulwarkError && e.code === 'LIST_ENTRY_INVALID');
  assert.throws(() => list('pattern', ['ok', '(broken']), (e: unknown) => e instanceof BulwarkError && e.code === 'LIST_PATTERN_INVALID');
});

test('a 100,000-entry custom list builds and finds its entries', () => {
  const entries = Array.from({ length: 100_000 }, (_, i) => `brand${i.toString(36)} item ${((i * 7919) % 100_000).toString(36)}`);
  const l = list('normalized', entries);
  assert.equal(l.size, 100_000);
  const text = `Selling ${entries[777].toUpperCase()} and ${entries[99_999]} cheap`;
  assert.deepEqual(find(l, text).map((h) => h.entry), [entries[777], entries[99_999]]);
  assert.deepEqual(find(l, 'nothing to see here'), []);
});
