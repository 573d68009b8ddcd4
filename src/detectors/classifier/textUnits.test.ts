// The classifier's word counting (short-text damping) and identity masking on folded text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf } from './ClassifierDetector.js';
import { maskIdentities } from './identity.js';

test('context counts words, a word with Han characters as half its length, and stops early when asked', () => {
  assert.equal(contextOf('oh shit'), 2);
  assert.equal(contextOf("don't  stop-me now’s"), 4);
  assert.equal(contextOf('河南人都是骗子'), 3.5);
  assert.equal(contextOf('ok 你好 ok'), 3);
  assert.equal(contextOf('𝐀𝐁 𠀀𠀀'), 3, 'astral letters; astral Han counts per code unit');
  assert.equal(contextOf('... !!! 123'), 1);
  assert.equal(contextOf('a b c d e f g', 3), 3);
});

test('identity words are taken out only as whole words, in English and Chinese', () => {
  assert.equal(maskIdentities('gay people deserve rights'), '  people deserve rights');
  assert.equal(maskIdentities("the gays' parade, gayety and 2gay"), "the  ' parade, gayety and 2gay");
  assert.equal(maskIdentities('muslims 和黑人'), '  和 ');
  assert.equal(maskIdentities('muslims和'), 'muslims和', 'a Han character glued on is part of the word');
  assert.equal(maskIdentities('nothing here'), 'nothing here');
  assert.equal(maskIdentities('womanly woman'), 'womanly  ');
});
