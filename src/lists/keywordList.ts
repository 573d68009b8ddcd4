// A tenant's custom keyword list compiled for the pipeline: exact (case-insensitive, original
// text), normalized (evasion-folded words and phrases) or pattern entries, one kind per list.

import type { Category } from '../content/index.js';
import { BulwarkError } from '../errors.js';
import { normalizeForMatching } from '../normalize/index.js';
import type { NormalizedText } from '../normalize/index.js';
import { compileMatcher } from './matcher.js';
import type { MatchHit, Matcher } from './matcher.js';
import { compilePattern } from './pattern.js';
import { lowerSameLength, plainText } from './plainText.js';
import { compileRules, foldEntry } from './ruleMatcher.js';

export const LIST_MATCHES = ['exact', 'normalized', 'pattern'] as const;
export type ListMatch = (typeof LIST_MATCHES)[number];
export const LIST_ACTIONS = ['block', 'review', 'allow'] as const;
export type ListAction = (typeof LIST_ACTIONS)[number];

export interface KeywordListSpec {
  id: string;
  name?: string;
  action: ListAction;
  category: Category;
  match: ListMatch;
  entries: readonly string[];
}

/** One match of a list entry: the original text and span, and the entry that matched. */
export interface ListHit { text: string; span: { start: number; end: number }; entry: string }

export interface KeywordList {
  readonly id: string;
  readonly name: string;
  readonly action: ListAction;
  readonly category: Category;
  readonly match: ListMatch;
  readonly size: number;
  /** Hits in the order they occur, one per (span, entry). */
  find(normalized: NormalizedText): ListHit[];
}

/** The fold applied to normalised entries and pattern words: the same one the text gets. */
export function foldForMatching(text: string): string {
  return normalizeForMatching(text).text;
}

/**
 * Checks one entry as it is added and returns the value to store (trimmed). Throws
 * LIST_ENTRY_INVALID (empty, too long) or LIST_PATTERN_INVALID (a pattern that does not compile).
 */
export function validateListEntry(match: ListMatch, value: string): string {
  const trimmed = value.trim();
  if (match === 'pattern') compilePattern(trimmed, foldForMatching);
  else if (match === 'normalized') foldEntry(trimmed, foldForMatching);
  else foldEntry(trimmed, lowerSameLength);
  return trimmed;
}

export function compileKeywordList(spec: KeywordListSpec): KeywordList {
  if (!(LIST_MATCHES as readonly string[]).includes(spec.match)) {
    throw new BulwarkError('LIST_ENTRY_INVALID', `Unknown match kind "${spec.match}".`);
  }
  const matcher: Matcher<null> = spec.match === 'exact'
    ? compileMatcher(spec.entries.map((e) => ({ pattern: foldEntry(e, lowerSameLength), payload: null })))
    : compileRules(spec.entries.map((value) => ({ value, kind: spec.match as 'normalized' | 'pattern', payload: null })), foldForMatching);
  const exact = spec.match === 'exact';
  return Object.freeze({
    id: spec.id,
    name: spec.name ?? spec.id,
    action: spec.action,
    category: spec.category,
    match: spec.match,
    size: spec.entries.length,
    find: (normalized: NormalizedText) => toListHits(matcher.find(exact ? plainText(normalized.original) : normalized)),
  });
}

function toListHits(hits: readonly MatchHit<null>[]): ListHit[] {
  const seen = new Set<string>();
  const out: ListHit[] = [];
  for (const h of [...hits].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)) {
    const key = `${h.span.start}:${h.span.end}:${h.entry}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text: h.text, span: h.span, entry: h.entry });
  }
  return out;
}
