import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORIES } from '../content/index.js';
import type { Category } from '../content/index.js';
import { defaultPolicyBody } from '../policies/index.js';
import type { CategoryResult } from '../policies/index.js';
import type { DecisionEvidence } from './decision.js';
import { previewPolicy, replay } from './policyPreview.js';
import type { ReplayedDecision } from './policyPreview.js';

function decision(id: string, scored: Partial<Record<Category, CategoryResult>>, evidence: DecisionEvidence[] = []): ReplayedDecision {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, { score: 0, severity: 'none' }])) as Record<Category, CategoryResult>;
  return { id, policy: 'default@1', categories: { ...categories, ...scored }, evidence };
}

const listHit = (listId: string, category: Category, action: 'block' | 'review'): DecisionEvidence => ({
  category, source: 'list', text: 'x', rule: `list:${listId}`, severity: action === 'block' ? 'high' : 'medium',
  score: action === 'block' ? 1 : 0.8, action, listId,
});

test('a dropped list hit takes its forced action and its share of the category with it; a detector above it stays', () => {
  const lists = new Set(['a']);
  const noLists = { ...defaultPolicyBody(), lists: [] as string[] };
  const detectorBelow = decision('d1', { spam: { score: 1, severity: 'high' } },
    [{ category: 'spam', source: 'spam', text: 'buy', rule: 'spam:pitch', severity: 'low', score: 0.5 }, listHit('a', 'spam', 'block')]);
  assert.equal(replay(detectorBelow, defaultPolicyBody(), lists), 'block');
  assert.equal(replay(detectorBelow, noLists, lists), 'pass', 'spam falls back to the detector: 0.5, low');
  const detectorAbove = decision('d2', { spam: { score: 0.95, severity: 'high' } }, [listHit('a', 'spam', 'review')]);
  assert.equal(replay(detectorAbove, noLists, lists), 'block', 'a score above the list hit came from a detector');
  assert.equal(replay(detectorBelow, defaultPolicyBody(), new Set()), 'pass', 'a deleted list no longer applies');
});

test('counts, difference and examples compare the current version with the proposal', () => {
  const decisions = [decision('d1', { hate: { score: 0.6, severity: 'medium' } }), decision('d2', { hate: { score: 0.2, severity: 'low' } })];
  const proposed = { ...defaultPolicyBody(), categories: { ...defaultPolicyBody().categories, hate: { review: 'low' as const, block: 0.5 } } };
  const preview = previewPolicy({ decisions, versions: new Map([['default@1', defaultPolicyBody()]]), listIds: new Set(), current: defaultPolicyBody(), proposed });
  assert.deepEqual(preview.current, { pass: 1, review: 1, block: 0 });
  assert.deepEqual(preview.proposed, { pass: 0, review: 1, block: 1 });
  assert.deepEqual(preview.difference, { pass: -1, review: 0, block: 1 });
  assert.equal(preview.changed, 2);
  assert.deepEqual(preview.examples, [{ id: 'd1', from: 'review', to: 'block' }, { id: 'd2', from: 'pass', to: 'review' }]);
});
