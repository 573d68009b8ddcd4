// Runs the tenant's custom lists over the folded text: allow hits are collected for overriding,
// block/review hits become evidence and forced actions — unless an allow entry silences them too.

import type { NormalizedText } from '../normalize/index.js';
import type { ListAction } from '../policies/index.js';
import { allowFor, noteOverride } from './combine.js';
import type { AllowHit } from './combine.js';
import type { DecisionEvidence } from './decision.js';
import type { CompiledList } from './sources.js';

/** What a block or review list hit weighs, for text and picture lists alike. */
export const LIST_SEVERITY = { block: 'high', review: 'medium' } as const;
export const LIST_SCORE = { block: 1, review: 0.8 } as const;

export interface ListMatches { allows: AllowHit[]; evidence: DecisionEvidence[]; actions: ListAction[] }

export function matchLists(lists: readonly CompiledList[], normalized: NormalizedText, overridden: Map<AllowHit, Set<string>>): ListMatches {
  const allows: AllowHit[] = [];
  const hits: { list: CompiledList; evidence: DecisionEvidence }[] = [];
  for (const list of lists) {
    const rule = `list:${list.name}`;
    for (const hit of list.find(normalized)) {
      if (list.action === 'allow') {
        allows.push({ listId: list.id, rule, category: list.category, text: hit.text, span: hit.span, entry: hit.entry });
        continue;
      }
      hits.push({ list, evidence: {
        category: list.category, source: 'list', text: hit.text, span: hit.span, rule, entry: hit.entry,
        severity: LIST_SEVERITY[list.action], score: LIST_SCORE[list.action], mask: true, action: list.action, listId: list.id,
      } });
    }
  }
  const kept = hits.filter(({ evidence }) => {
    const allow = allowFor(evidence, allows);
    if (allow) noteOverride(overridden, allow, evidence.rule);
    return !allow;
  });
  return {
    allows,
    evidence: kept.map((k) => k.evidence),
    actions: kept.map(({ list }) => ({ listId: list.id, category: list.category, action: list.action as 'block' | 'review' })),
  };
}
