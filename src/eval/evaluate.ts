// Scores against labels: per category on the rows whose scope holds it, plus "unsafe" (any
// flag at all) on every row, each with AUPRC from the scores and the confusion counts of what
// the policy decided.

import type { Category } from '../content/index.js';
import { fieldOf, isUnsafe, LABEL_CATEGORIES, truthFor } from './dataset.js';
import type { LabelledRow } from './dataset.js';
import { accuracy, averagePrecision, countsOf, falsePositiveRate, macroF1, precision, recall } from './metrics.js';
import type { Counts } from './metrics.js';

/** What Bulwark said of one text: every category's score and the categories the policy acted on. */
export interface Scored {
  scores: Readonly<Record<Category, number>>;
  flagged: ReadonlySet<Category>;
}

export interface Metrics {
  name: string;
  rows: number;
  positives: number;
  prevalence: number;
  auprc: number;
  precision: number;
  recall: number;
  fpr: number;
  accuracy: number;
  macroF1: number;
  counts: Counts;
}

export interface EvalReport { rows: number; categories: Metrics[]; unsafe: Metrics }

/** Categories that say nothing about harm: privacy findings are not "unsafe". */
const NOT_HARM: ReadonlySet<Category> = new Set(['pii']);

export function evaluate(rows: readonly LabelledRow[], scored: readonly Scored[]): EvalReport {
  if (rows.length !== scored.length) throw new Error(`${rows.length} rows but ${scored.length} results`);
  const categories: Metrics[] = [];
  for (const c of LABEL_CATEGORIES) {
    const truth: boolean[] = [];
    const scores: number[] = [];
    const predicted: boolean[] = [];
    rows.forEach((row, i) => {
      const t = truthFor(row, c);
      if (t === null) return;
      truth.push(t);
      scores.push(scored[i].scores[c]);
      predicted.push(scored[i].flagged.has(c));
    });
    if (truth.length > 0) categories.push(metrics(c, truth, scores, predicted));
  }
  const unsafe = metrics('unsafe', rows.map(isUnsafe), scored.map(harmScore), scored.map((s) => [...s.flagged].some((c) => !NOT_HARM.has(c))));
  return { rows: rows.length, categories, unsafe };
}

/** The report per value of a field ("meta.functionality"), values in order of first appearance. */
export function evaluateBy(rows: readonly LabelledRow[], scored: readonly Scored[], field: string): Array<{ value: string; report: EvalReport }> {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const value = fieldOf(row, field);
    const list = groups.get(value);
    if (list) list.push(i); else groups.set(value, [i]);
  });
  return [...groups].map(([value, idx]) => ({ value, report: evaluate(idx.map((i) => rows[i]), idx.map((i) => scored[i])) }));
}

function harmScore(s: Scored): number {
  let max = 0;
  for (const [c, v] of Object.entries(s.scores) as [Category, number][]) if (!NOT_HARM.has(c) && v > max) max = v;
  return max;
}

function metrics(name: string, truth: boolean[], scores: number[], predicted: boolean[]): Metrics {
  const counts = countsOf(predicted, truth);
  const positives = counts.tp + counts.fn;
  return {
    name, rows: truth.length, positives, prevalence: positives / truth.length,
    auprc: averagePrecision(scores, truth), precision: precision(counts), recall: recall(counts),
    fpr: falsePositiveRate(counts), accuracy: accuracy(counts), macroF1: macroF1(counts), counts,
  };
}
