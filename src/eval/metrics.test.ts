// Metrics against values worked out by hand (and as scikit-learn's average_precision_score gives them).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averagePrecision, countsOf, falsePositiveRate, macroF1, precision, recall } from './metrics.js';

test('average precision steps over distinct thresholds, ties entering together', () => {
  // sklearn: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333…
  assert.ok(Math.abs(averagePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true]) - 5 / 6) < 1e-12);
  assert.equal(averagePrecision([0.9, 0.8, 0.1], [true, true, false]), 1);
  // All scores tied: one threshold, precision = prevalence.
  assert.equal(averagePrecision([0.5, 0.5, 0.5, 0.5], [true, false, false, false]), 0.25);
  assert.ok(Number.isNaN(averagePrecision([0.2, 0.3], [false, false])), 'no positive: undefined');
});

test('counts, precision, recall, false-positive rate and macro-F1', () => {
  const c = countsOf([true, true, false, false, true], [true, false, true, false, false]);
  assert.deepEqual(c, { tp: 1, fp: 2, fn: 1, tn: 1 });
  assert.equal(precision(c), 1 / 3);
  assert.equal(recall(c), 1 / 2);
  assert.equal(falsePositiveRate(c), 2 / 3);
  // F1 positive = 2/(2+2+1) = 0.4; F1 negative = 2/(2+1+2) = 0.4.
  assert.ok(Math.abs(macroF1(c) - 0.4) < 1e-12);
  assert.ok(Number.isNaN(macroF1(countsOf([false, false], [false, false]))), 'a class that never appears has no F1');
});
