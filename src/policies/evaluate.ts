// The policy decides: category scores and severities, plus the actions of custom lists that
// matched, become one suggestion with the reasons for it. Pure: no I/O, no clock.

import { SUGGESTIONS, severityRank } from '../content/index.js';
import type { Category, Severity, Suggestion } from '../content/index.js';
import type { PolicyBody, Threshold } from './policy.js';

export interface CategoryResult { score: number; severity: Severity }

export interface ListAction { listId: string; category: Category; action: 'block' | 'review' }

export interface Reason {
  category: Category;
  suggestion: Exclude<Suggestion, 'pass'>;
  /** 'threshold' when the policy's rule fired, 'list:<id>' when a custom list's action did. */
  by: string;
}

export interface Verdict { suggestion: Suggestion; reasons: Reason[] }

export function meetsThreshold(result: CategoryResult, threshold: Threshold): boolean {
  if (threshold === null) return false;
  if (typeof threshold === 'number') return result.score >= threshold && result.score > 0;
  return severityRank(result.severity) >= severityRank(threshold);
}

export function evaluatePolicy(
  policy: PolicyBody,
  categories: Readonly<Record<Category, CategoryResult>>,
  listActions: readonly ListAction[] = [],
): Verdict {
  const reasons: Reason[] = [];
  for (const [category, rule] of Object.entries(policy.categories) as [Category, PolicyBody['categories'][Category]][]) {
    const result = categories[category];
    if (!result) continue;
    if (meetsThreshold(result, rule.block)) reasons.push({ category, suggestion: 'block', by: 'threshold' });
    else if (meetsThreshold(result, rule.review)) reasons.push({ category, suggestion: 'review', by: 'threshold' });
  }
  for (const hit of listActions) {
    reasons.push({ category: hit.category, suggestion: hit.action, by: `list:${hit.listId}` });
  }
  return { suggestion: strongest(reasons.map((r) => r.suggestion)), reasons };
}

function strongest(suggestions: readonly Suggestion[]): Suggestion {
  let best = 0;
  for (const s of suggestions) best = Math.max(best, SUGGESTIONS.indexOf(s));
  return SUGGESTIONS[best];
}
