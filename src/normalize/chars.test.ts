// Word characters and which of them need a boundary, as matchers use them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWordChar, needsWordBoundary } from './index.js';

describe('isWordChar / needsWordBoundary', () => {
  it('treats letters and digits of spaced scripts as words that need boundaries', () => {
    for (const ch of ['a', 'Z', '7', 'ж', 'λ', 'é', 'ب', 'क']) {
      assert.equal(isWordChar(ch), true, ch);
      assert.equal(needsWordBoundary(ch), true, ch);
    }
  });

  it('treats Han, kana, Hangul and Thai as words without boundaries', () => {
    for (const ch of ['杀', '𠀀', 'か', 'カ', '한', 'ก']) {
      assert.equal(isWordChar(ch), true, ch);
      assert.equal(needsWordBoundary(ch), false, ch);
    }
  });

  it('treats spaces, punctuation and emoji as neither', () => {
    for (const ch of [' ', '.', '-', '!', '😀', '', '\u200B']) {
      assert.equal(isWordChar(ch), false, JSON.stringify(ch));
      assert.equal(needsWordBoundary(ch), false, JSON.stringify(ch));
    }
  });
});
