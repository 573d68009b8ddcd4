// Scope and labels decide which rows count: a category only where the source judged it, and a
// row flagged with a label none of ours covers ([]) is never a negative.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORIES } from '../content/index.js';
import type { Category } from '../content/index.js';
import type { LabelledRow } from './dataset.js';
import { evaluate, evaluateBy } from './evaluate.js';
import type { Scored } from './evaluate.js';

const row = (labels: string[], scope: string[], kind = 'a'): LabelledRow =>
  ({ id: String(Math.random()), text: 't', labels, scope, source: 's', lang: 'en', meta: { kind } });

function scored(hate: number, flagged: Category[] = [], pii = 0): Scored {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  scores.hate = hate;
  scores.pii = pii;
  return { scores, flagged: new Set(flagged) };
}

test('categories are scored inside their scope only; [] rows are unsafe but never negatives', () => {
  const rows = [row(['hate'], ['hate']), row(['none'], ['hate', 'harassment']), row([], ['hate']), row(['none'], ['spam'])];
  const results = [scored(0.9, ['hate']), scored(0.2), scored(0.8, ['hate']), scored(0, [], 0.99)];
  const report = evaluate(rows, results);
  const hate = report.categories.find((m) => m.name === 'hate')!;
  assert.equal(hate.rows, 2, 'the [] row and the spam-only row do not count for hate');
  assert.deepEqual(hate.counts, { tp: 1, fp: 0, fn: 0, tn: 1 });
  assert.deepEqual(report.categories.map((m) => m.name), ['harassment', 'hate', 'spam']);
  assert.equal(report.unsafe.rows, 4);
  assert.equal(report.unsafe.positives, 2);
  assert.deepEqual(report.unsafe.counts, { tp: 2, fp: 0, fn: 0, tn: 2 }, 'a privacy finding is not "unsafe"');
  assert.equal(report.unsafe.auprc, 1);
});

test('a breakdown reports each value of the field on its own rows', () => {
  const rows = [row(['hate'], ['hate'], 'x'), row(['none'], ['hate'], 'y'), row(['hate'], ['hate'], 'x')];
  const groups = evaluateBy(rows, [scored(0.9, ['hate']), scored(0.9, ['hate']), scored(0)], 'meta.kind');
  assert.deepEqual(groups.map((g) => [g.value, g.report.rows, g.report.unsafe.accuracy]), [['x', 2, 0.5], ['y', 1, 0]]);
});
