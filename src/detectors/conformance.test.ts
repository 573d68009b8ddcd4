// One shared suite every built-in detector must pass: it declares itself, loads, honours its own
// examples, and returns evidence whose spans point exactly at the original text.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { normalizeForMatching } from '../normalize/index.js';
import type { Detector, TextInput } from './detector.js';
import { builtinTextDetectors } from './registry.js';

const input = (text: string): TextInput => ({ kind: 'text', text, normalized: normalizeForMatching(text) });

const detectors = await builtinTextDetectors();

for (const detector of detectors) {
  describe(`detector conformance: ${detector.name}`, () => {
    before(() => detector.load());

    test('declares a name, a version and the kinds it handles', () => {
      assert.match(detector.name, /^[a-z][a-z0-9-]*$/);
      assert.ok(detector.version.length > 0);
      assert.ok(detector.kinds.includes('text'));
      assert.ok(detector.examples().length >= 5, 'ship at least 5 examples');
    });

    test('its own examples hold', async () => {
      for (const example of detector.examples()) {
        const { scores } = await detector.detect(input(example.text), {});
        for (const [category, expected] of Object.entries(example.expect)) {
          const score = scores[category as keyof typeof scores] ?? 0;
          if (expected === 'flag') assert.ok(score >= 0.5, `${detector.name}: "${example.text}" should flag ${category} (score ${score})`);
          else assert.ok(score < 0.5, `${detector.name}: "${example.text}" should pass ${category} (score ${score})`);
        }
      }
    });

    test('evidence is well-formed and points at the original text', async () => {
      for (const example of detector.examples()) await assertWellFormed(detector, example.text);
      await assertWellFormed(detector, 'Ｃａｌｌ ｍｅ 🙂 k\u200Bi\u200Bl\u200Bl 殺了你 '.repeat(40));
    });

    test('copes with empty, whitespace-only and 10,000-character text', async () => {
      for (const text of ['', '   \n', 'x'.repeat(10_000), '😀'.repeat(5_000), 'a.b.'.repeat(2_500)]) {
        await assertWellFormed(detector, text);
      }
    });
  });
}

async function assertWellFormed(detector: Detector, text: string): Promise<void> {
  const { scores, evidence } = await detector.detect(input(text), {});
  for (const [category, score] of Object.entries(scores)) {
    assert.ok(Number.isFinite(score) && score >= 0 && score <= 1, `${detector.name}: ${category} score ${score}`);
  }
  for (const e of evidence) {
    assert.ok(e.rule && e.source && e.category, JSON.stringify(e));
    assert.ok(e.score >= 0 && e.score <= 1);
    if (!e.span) continue;
    assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start < e.span.end, JSON.stringify(e));
    assert.equal(text.slice(e.span.start, e.span.end), e.text, `${detector.name}: evidence text must be the original slice`);
  }
}
