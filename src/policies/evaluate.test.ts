import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORIES } from '../content/index.js';
import type { Category } from '../content/index.js';
import { BulwarkError } from '../errors.js';
import { defaultPolicyBody, evaluatePolicy, meetsThreshold, parsePolicyBody } from './index.js';
import type { CategoryResult } from './index.js';

function results(overrides: Partial<Record<Category, CategoryResult>> = {}): Record<Category, CategoryResult> {
  const all = Object.fromEntries(CATEGORIES.map((c) => [c, { score: 0, severity: 'none' }])) as Record<Category, CategoryResult>;
  return { ...all, ...overrides };
}

test('thresholds compare scores or severities; null never fires and zero scores never meet a score threshold', () => {
  assert.equal(meetsThreshold({ score: 0.8, severity: 'medium' }, 0.8), true);
  assert.equal(meetsThreshold({ score: 0.79, severity: 'medium' }, 0.8), false);
  assert.equal(meetsThreshold({ score: 0.5, severity: 'medium' }, 'medium'), true);
  assert.equal(meetsThreshold({ score: 0.5, severity: 'low' }, 'medium'), false);
  assert.equal(meetsThreshold({ score: 1, severity: 'high' }, null), false);
  assert.equal(meetsThreshold({ score: 0, severity: 'none' }, 0), false);
});

test('the default policy blocks high, reviews medium, only masks PII, and passes clean content', () => {
  const policy = defaultPolicyBody();
  assert.equal(evaluatePolicy(policy, results()).suggestion, 'pass');
  assert.equal(evaluatePolicy(policy, results({ hate: { score: 0.97, severity: 'high' } })).suggestion, 'block');
  assert.equal(evaluatePolicy(policy, results({ harassment: { score: 0.75, severity: 'medium' } })).suggestion, 'review');
  assert.equal(evaluatePolicy(policy, results({ pii: { score: 0.97, severity: 'high' } })).suggestion, 'pass');
  assert.equal(evaluatePolicy(policy, results({ self_harm: { score: 0.97, severity: 'high' } })).suggestion, 'review');
});

test('the strongest reason wins and every reason is reported; list actions force their suggestion', () => {
  const verdict = evaluatePolicy(defaultPolicyBody(),
    results({ harassment: { score: 0.75, severity: 'medium' }, violence: { score: 0.97, severity: 'high' } }));
  assert.equal(verdict.suggestion, 'block');
  assert.deepEqual(verdict.reasons.map((r) => `${r.category}:${r.suggestion}`).sort(), ['harassment:review', 'violence:block']);
  const listed = evaluatePolicy(defaultPolicyBody(), results(), [{ listId: 'lst_1', category: 'spam', action: 'block' }]);
  assert.deepEqual(listed, { suggestion: 'block', reasons: [{ category: 'spam', suggestion: 'block', by: 'list:lst_1' }] });
});

test('parsePolicyBody fills defaults and rejects what it cannot mean', () => {
  const body = parsePolicyBody({ categories: { ads: { block: 0.5 } }, lists: ['lst_a'] });
  assert.equal(body.categories.ads.block, 0.5);
  assert.equal(body.categories.ads.review, 'medium');
  assert.deepEqual(body.lists, ['lst_a']);
  const bad = [
    { categories: { nope: {} } }, { categories: { ads: { block: 2 } } }, { categories: { ads: { block: 'none' } } },
    { categories: { ads: { warn: 0.5 } } }, { lists: 'some' }, 'x',
  ];
  for (const input of bad) assert.throws(() => parsePolicyBody(input), (e: BulwarkError) => e.code === 'POLICY_INVALID', JSON.stringify(input));
  assert.throws(() => parsePolicyBody({ categories: { ethnicity: { block: 0.5 } } }), (e: BulwarkError) => e.code === 'ATTRIBUTE_NOT_SUPPORTED');
});
