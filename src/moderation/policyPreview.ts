// What a policy change would have done: recent decisions decided again from what each one stored
// (category results, list hits) by the function that decides live (policies/evaluatePolicy),
// under the current version and under the proposed body. Pure: the route reads the decisions.

import { SUGGESTIONS, maxSeverity } from '../content/index.js';
import type { Category, Severity, Suggestion } from '../content/index.js';
import { evaluatePolicy } from '../policies/index.js';
import type { CategoryResult, ListAction, PolicyBody } from '../policies/index.js';
import { severityFromScore } from './decision.js';
import type { Decision, DecisionEvidence } from './decision.js';

export const PREVIEW_LAST_DEFAULT = 500;
export const PREVIEW_LAST_MAX = 5000;
const EXAMPLES = 10;

export type SuggestionCounts = Record<Suggestion, number>;

export interface PolicyPreview {
  considered: number;
  current: SuggestionCounts;
  proposed: SuggestionCounts;
  /** proposed − current, per suggestion: +12 block is "12 more blocks". */
  difference: SuggestionCounts;
  /** Decisions whose suggestion changes (a swap review→block and block→review nets zero above). */
  changed: number;
  /** Decisions the replay could only approximate: a list the deciding version did not apply now applies, or an allow list that overrode something no longer does. */
  approximate: number;
  /** Up to 10 of the changed decisions, newest first. */
  examples: { id: string; from: Suggestion; to: Suggestion }[];
}

export type ReplayedDecision = Pick<Decision, 'id' | 'policy' | 'categories' | 'evidence'>;

export interface PreviewInput {
  /** Newest first. */
  decisions: readonly ReplayedDecision[];
  /** 'name@version' → that version's body: which lists each decision was made with. */
  versions: ReadonlyMap<string, PolicyBody>;
  /** The tenant's lists now: the hits of a list since deleted no longer count. */
  listIds: ReadonlySet<string>;
  current: PolicyBody;
  proposed: PolicyBody;
}

export function previewPolicy(input: PreviewInput): PolicyPreview {
  const current = zero(), proposed = zero();
  const examples: PolicyPreview['examples'] = [];
  let changed = 0, approximate = 0;
  for (const d of input.decisions) {
    const from = replay(d, input.current, input.listIds);
    const to = replay(d, input.proposed, input.listIds);
    current[from] += 1;
    proposed[to] += 1;
    if (from !== to) {
      changed += 1;
      if (examples.length < EXAMPLES) examples.push({ id: d.id, from, to });
    }
    const made = input.versions.get(d.policy)?.lists ?? 'all';
    if ([input.current, input.proposed].some((body) => guessed(d, made, body, input.listIds))) approximate += 1;
  }
  const difference = zero();
  for (const s of SUGGESTIONS) difference[s] = proposed[s] - current[s];
  return { considered: input.decisions.length, current, proposed, difference, changed, approximate, examples };
}

/** The decision decided again under `body`: its stored findings, less the hits of lists `body` does not apply. */
export function replay(d: ReplayedDecision, body: PolicyBody, listIds: ReadonlySet<string>): Suggestion {
  const keep = (e: DecisionEvidence) => listIds.has(e.listId!) && applies(body.lists, e.listId!);
  const hits = d.evidence.filter(isListHit);
  const dropped = hits.filter((e) => !keep(e));
  const listActions: ListAction[] = hits.filter(keep)
    .map((e) => ({ listId: e.listId!, category: e.category, action: e.action as ListAction['action'] }));
  return evaluatePolicy(body, dropped.length ? withoutHits(d, dropped) : d.categories, listActions).suggestion;
}

const zero = (): SuggestionCounts => ({ pass: 0, review: 0, block: 0 });
const applies = (lists: PolicyBody['lists'], listId: string) => lists === 'all' || lists.includes(listId);
const isListHit = (e: DecisionEvidence) => e.listId !== undefined && (e.action === 'block' || e.action === 'review');

/**
 * Category results without some list hits, rebuilt as moderation/combine.ts builds them: a score
 * above the dropped hits' came from a detector and stays; otherwise the highest remaining evidence
 * gives it (a detector score with no evidence behind it is not stored, so it is lost here).
 */
function withoutHits(d: ReplayedDecision, dropped: readonly DecisionEvidence[]): Record<Category, CategoryResult> {
  const categories = { ...d.categories };
  for (const category of new Set(dropped.map((e) => e.category))) {
    const top = Math.max(...dropped.filter((e) => e.category === category).map((e) => e.score));
    const rest = d.evidence.filter((e) => e.category === category && e.action !== 'allow' && !dropped.includes(e));
    const score = categories[category].score > top ? categories[category].score : Math.max(0, ...rest.map((e) => e.score));
    const severity = rest.reduce<Severity>((s, e) => maxSeverity(s, e.severity), 'none');
    categories[category] = { score, severity: severity === 'none' ? severityFromScore(score) : severity };
  }
  return categories;
}

/** Whether replaying `d` under `body` had to guess: see PolicyPreview.approximate. */
function guessed(d: ReplayedDecision, made: PolicyBody['lists'], body: PolicyBody, listIds: ReadonlySet<string>): boolean {
  for (const id of listIds) if (applies(body.lists, id) && !applies(made, id)) return true;
  return d.evidence.some((e) => e.action === 'allow' && (e.overrides?.length ?? 0) > 0
    && !(listIds.has(e.listId!) && applies(body.lists, e.listId!)));
}
