// Policies in words: the preview sentence ("Over the last 500 decisions: 12 more blocks, 3 fewer
// reviews"), a threshold as a person reads it, and what one version changed from the one before.

import type { paths, schemas } from './generated/api';

export type Policy = schemas['Policy'];
export type Threshold = Policy['categories'][string]['review'];
export type Preview = paths['/v1/policies/{name}/preview']['post']['responses'][200];
/** A policy as the form edits it: what PUT and the preview take. */
export type PolicyDraft = Pick<Policy, 'categories' | 'lists'> & { description: string };

const PLURAL = { block: 'blocks', review: 'reviews', pass: 'passes' } as const;

function count(n: number, what: keyof typeof PLURAL): string {
  const word = Math.abs(n) === 1 ? what : PLURAL[what];
  return `${Math.abs(n)} ${n > 0 ? 'more' : 'fewer'} ${word}`;
}

export function previewSentence(p: Preview): string {
  if (p.considered === 0) return 'No decisions under this policy yet: nothing to compare.';
  const parts = (['block', 'review', 'pass'] as const).filter((s) => p.difference[s] !== 0).map((s) => count(p.difference[s], s));
  const over = `Over the last ${p.considered} decision${p.considered === 1 ? '' : 's'}`;
  if (parts.length > 0) return `${over}: ${parts.join(', ')}.`;
  return p.changed > 0 ? `${over}: the same totals, but ${p.changed} would change suggestion.` : `${over}: no change.`;
}

/** "1 block, 4 reviews, 7 passes". */
export function totals(counts: Preview['current']): string {
  return (['block', 'review', 'pass'] as const).map((s) => `${counts[s]} ${counts[s] === 1 ? s : PLURAL[s]}`).join(', ');
}

function thresholdText(t: Threshold): string {
  if (t === null) return 'never';
  return typeof t === 'number' ? `score ≥ ${t}` : `severity ≥ ${t}`;
}

export const draftOf = (p: Policy): PolicyDraft => ({ description: p.description ?? '', categories: structuredClone(p.categories), lists: p.lists });

/** "harassment block: severity ≥ high → score ≥ 0.3", one line per change from `older` to `newer`. */
export function changesBetween(older: Policy, newer: Policy): string[] {
  const lines: string[] = [];
  for (const [category, rule] of Object.entries(newer.categories)) {
    for (const at of ['review', 'block'] as const) {
      const before = older.categories[category]?.[at] ?? null;
      if (before !== rule[at]) lines.push(`${category} ${at}: ${thresholdText(before)} → ${thresholdText(rule[at])}`);
    }
  }
  if (JSON.stringify(older.lists) !== JSON.stringify(newer.lists)) lines.push('lists changed');
  if ((older.description ?? '') !== (newer.description ?? '')) lines.push('description changed');
  return lines;
}
