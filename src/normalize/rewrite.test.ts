// Rewriting a normalised text keeps every character's way back to the original.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForMatching, rewriteNormalized } from './index.js';

describe('rewriteNormalized', () => {
  it('maps a replacement to the whole range it replaced', () => {
    const from = normalizeForMatching('I haet W0MEN!');
    const to = rewriteNormalized(from, [{ start: 2, end: 6, text: 'hate' }]);
    assert.equal(to.text, 'i hate women!');
    assert.deepEqual(to.toOriginal(2, 4), { start: 2, end: 6 }, 'part of a replaced word stands for all of it');
    assert.deepEqual(to.toOriginal(7, 12), { start: 7, end: 12 });
    assert.equal(to.original, from.original);
  });

  it('maps an insertion to the place it was inserted, and the words around it to themselves', () => {
    const text = 'So I h a t e them';
    const to = rewriteNormalized(normalizeForMatching(text), [{ start: 4, end: 4, text: ' ' }]);
    assert.equal(to.text, 'so i hate them');
    const at = to.text.indexOf('hate');
    const span = to.toOriginal(at, at + 4);
    assert.equal(text.slice(span.start, span.end), 'h a t e');
    const whole = to.toOriginal(3, 9);
    assert.equal(text.slice(whole.start, whole.end), 'I h a t e');
    assert.deepEqual(to.toOriginal(4, 5), { start: 4, end: 4 }, 'the inserted space covers nothing, just after the I');
  });

  it('never stretches a span over characters folding dropped after the word an insertion ends', () => {
    const text = 'you protectin\u200b them';
    const from = normalizeForMatching(text);
    const at = from.text.indexOf('protectin') + 'protectin'.length;
    const to = rewriteNormalized(from, [{ start: at, end: at, text: 'g' }]);
    assert.equal(to.text, 'you protecting them');
    const span = to.toOriginal(4, 14);
    assert.equal(text.slice(span.start, span.end), 'protectin');
  });

  it('hands back the same text when there is nothing to do, and refuses edits out of order', () => {
    const from = normalizeForMatching('fine');
    assert.equal(rewriteNormalized(from, []), from);
    assert.throws(() => rewriteNormalized(from, [{ start: 2, end: 3, text: 'x' }, { start: 1, end: 2, text: 'y' }]), RangeError);
    assert.throws(() => rewriteNormalized(from, [{ start: 3, end: 9, text: 'x' }]), RangeError);
  });
});
