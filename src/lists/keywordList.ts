// A tenant's custom keyword list compiled for the pipeline: exact (case-insensitive, original
// text), normalized (evasion-folded words and phrases) or pattern entries, one kind per list.

import type { Category } from '../content/index.js';
import { BulwarkError } from '../errors.js';
import { normalizeForMatching } from '../normalize/index.js';
import type { NormalizedText } from '../normalize/index.js';
import { compileMatcher } from './matcher.js';
import type { Matcher } from './matcher.js';
import { compilePattern } from './pattern.js';
import { lowerSameLength } from './plainText.js';
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
  const find = spec.match === 'exact'
    ? exactFind(spec.entries)
    : ruleFind(compileRules(spec.entries.map((value) => ({ value, kind: spec.match as 'normalized' | 'pattern', payload: null })), foldForMatching));
  return Object.freeze({
    id: spec.id,
    name: spec.name ?? spec.id,
    action: spec.action,
    category: spec.category,
    match: spec.match,
    size: spec.entries.length,
    find,
  });
}

function ruleFind(matcher: Matcher<null>): KeywordList['find'] {
  return (normalized) => toListHits(matcher.find(normalized));
}

/**
 * Exact entries match the lower-cased original (lowerSameLength keeps every offset), so a hit's
 * folded range is its span and no offset map is built.
 */
function exactFind(entries: readonly string[]): KeywordList['find'] {
  const folded = entries.map((e) => foldEntry(e, lowerSameLength));
  const matcher = compileMatcher(folded.map((pattern) => ({ pattern, payload: null })));
  return ({ original }) => {
    const hits: ListHit[] = [];
    matcher.scan(lowerSameLength(original), (_, e, start, end) => {
      hits.push({ text: original.slice(start, end), span: { start, end }, entry: folded[e] });
    });
    return toListHits(hits);
  };
}

function toListHits(hits: readonly ListHit[]): ListHit[] {
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
