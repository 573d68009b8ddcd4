// How separate signals add up to one category score: independent evidence combines like
// probabilities (1 - Π(1 - w)), so one weak hit stays low and several together reach high.

import type { Severity } from '../../content/index.js';

export function combine(weights: readonly number[]): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - w;
  return Math.min(0.99, Math.round((1 - miss) * 1000) / 1000);
}

export function severityOf(score: number): Severity {
  if (score >= 0.88) return 'high';
  if (score >= 0.6) return 'medium';
  if (score >= 0.25) return 'low';
  return 'none';
}

/** Largest weight per key: the same signal repeated counts once (repetition is the flood rule's job). */
export function strongestPer<T>(items: readonly T[], key: (t: T) => string, weight: (t: T) => number): number[] {
  const best = new Map<string, number>();
  for (const it of items) best.set(key(it), Math.max(best.get(key(it)) ?? 0, weight(it)));
  return [...best.values()];
}
