// Our categories → OpenAI's keys: compound keys need both parts, flags need the policy to have
// acted on the key's own category, and self-harm instructions are told from intent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORIES } from '../content/index.js';
import type { Category } from '../content/index.js';
import type { Decision } from './decision.js';
import { toOpenAiResult } from './openaiCategories.js';

function decision(scores: Partial<Record<Category, number>>, acted: Category[], selfHarmText = ''): Pick<Decision, 'suggestion' | 'categories' | 'reasons' | 'evidence'> {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, { score: scores[c] ?? 0, severity: 'none' }])) as Decision['categories'];
  return {
    suggestion: acted.length ? 'review' : 'pass', categories,
    reasons: acted.map((category) => ({ category, suggestion: 'review', by: 'threshold' })),
    evidence: selfHarmText ? [{ category: 'self_harm', source: 'lexicon', text: selfHarmText, rule: 'r', severity: 'medium', score: 0.75 }] : [],
  };
}

test('a compound key scores as the weaker part and is set only with both parts', () => {
  const r = toOpenAiResult(decision({ hate: 0.9, violence: 0.6 }, ['hate', 'violence']));
  assert.equal(r.category_scores['hate/threatening'], 0.6);
  assert.equal(r.categories['hate/threatening'], true);
  const calm = toOpenAiResult(decision({ hate: 0.9, violence: 0.1 }, ['hate']));
  assert.equal(calm.categories.hate, true);
  assert.equal(calm.categories['hate/threatening'], false);
  assert.equal(calm.categories['violence/graphic'], false);
  assert.equal(calm.category_scores['violence/graphic'], 0);
});

test('flags follow what the policy acted on; scores alone do not flag', () => {
  const r = toOpenAiResult(decision({ harassment: 0.7 }, []));
  assert.equal(r.flagged, false);
  assert.equal(r.categories.harassment, false);
  assert.equal(r.category_scores.harassment, 0.7);
});

test('self-harm: a method asked for is instructions, a wish is intent', () => {
  const how = toOpenAiResult(decision({ self_harm: 0.75 }, ['self_harm'], 'how to overdose on pills'));
  assert.equal(how.category_scores['self-harm/instructions'], 0.75);
  const wish = toOpenAiResult(decision({ self_harm: 0.75 }, ['self_harm'], 'I want to end my life'));
  assert.equal(wish.category_scores['self-harm/instructions'], 0);
  assert.equal(wish.categories['self-harm/intent'], true);
});
