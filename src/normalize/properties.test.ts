// Property checks on random strings of tricky characters: the offset map is always well formed,
// whatever mix of evasions, surrogate pairs, marks and controls comes in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../seededRandom.js';
import { normalizeForMatching } from './index.js';

const ALPHABET = [
  ...'aksilu fcKIL. -_*!|@$013457', '\u200B', '\u200D', '\u202E', '\u00AD', '\uFE0F', '\u0301',
  '\u0338', 'і', 'р', 'о', 'Н', 'η', 'ｆ', 'Ｕ', '𝐜', '⒦', '🅚', 'é', 'ß', 'ﬁ', '㎏', '½', '殺', '傻',
  '了', 'か', '\u3099', '한', 'ᄒ', 'ᅡ', '😀', '👍', '🏽', '\uD800', '\uDC00', '\n', '\t', 'ǅ', 'й', 'İ',
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

function assertWellFormed(input: string): void {
  const r = normalizeForMatching(input);
  const label = JSON.stringify(input);
  assert.equal(r.start.length, r.text.length, label);
  assert.equal(r.end.length, r.text.length, label);
  for (let i = 0; i < r.text.length; i++) {
    assert.ok(r.start[i] >= 0 && r.start[i] < r.end[i] && r.end[i] <= input.length, `${label} @${i}`);
    if (i > 0) assert.ok(r.start[i - 1] <= r.start[i] && r.end[i - 1] <= r.end[i], `${label} @${i}`);
  }
  const span = r.toOriginal(0, r.text.length);
  assert.ok(span.start <= span.end && span.end <= input.length, label);
}

describe('normalizeForMatching: properties', () => {
  it('maps every folded code unit into the original, in order', () => {
    const next = seededRandom(20240601);
    for (let n = 0; n < 3000; n++) assertWellFormed(randomText(next));
  });

  it('is idempotent, so a folded lexicon entry folds to itself', () => {
    const next = seededRandom(99);
    for (let n = 0; n < 2000; n++) {
      const once = normalizeForMatching(randomText(next)).text;
      assert.equal(normalizeForMatching(once).text, once);
    }
  });

  it('is lower-case and free of zero-width and bidi controls', () => {
    const next = seededRandom(7);
    for (let n = 0; n < 1000; n++) {
      const text = normalizeForMatching(randomText(next)).text;
      assert.equal(text, text.toLowerCase());
      assert.doesNotMatch(text, /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/);
    }
  });
});
