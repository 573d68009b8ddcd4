// Binary classification metrics: average precision (the area under the precision-recall curve,
// as scikit-learn computes it) from scores, and the confusion counts of a yes/no decision.

export interface Counts { tp: number; fp: number; fn: number; tn: number }

/**
 * Average precision: Σ (recall_k − recall_{k−1}) · precision_k over the distinct score
 * thresholds, highest first (tied scores enter together). NaN when there is no positive.
 */
export function averagePrecision(scores: readonly number[], truth: readonly boolean[]): number {
  const positives = truth.filter(Boolean).length;
  if (positives === 0) return Number.NaN;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let lastRecall = 0;
  for (let k = 0; k < order.length; k++) {
    if (truth[order[k]]) tp++; else fp++;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[order[k]]) continue;
    const recall = tp / positives;
    ap += (recall - lastRecall) * (tp / (tp + fp));
    lastRecall = recall;
  }
  return ap;
}

export function countsOf(predicted: readonly boolean[], truth: readonly boolean[]): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < truth.length; i++) {
    if (truth[i]) { if (predicted[i]) c.tp++; else c.fn++; } else if (predicted[i]) c.fp++; else c.tn++;
  }
  return c;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

export const precision = (c: Counts): number => ratio(c.tp, c.tp + c.fp);
export const recall = (c: Counts): number => ratio(c.tp, c.tp + c.fn);
export const falsePositiveRate = (c: Counts): number => ratio(c.fp, c.fp + c.tn);
export const accuracy = (c: Counts): number => ratio(c.tp + c.tn, c.tp + c.fp + c.fn + c.tn);

/** NaN when the class appears neither in the truth nor in the predictions. */
function f1(tp: number, fp: number, fn: number): number {
  return tp + fp + fn === 0 ? Number.NaN : (2 * tp) / (2 * tp + fp + fn);
}

/** Mean of the F1 of the positive class and of the negative class (COLD reports this); NaN if either is undefined. */
export function macroF1(c: Counts): number {
  return (f1(c.tp, c.fp, c.fn) + f1(c.tn, c.fn, c.fp)) / 2;
}
