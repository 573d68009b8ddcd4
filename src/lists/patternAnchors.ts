// What a regex pattern needs to appear before it is worth running: literal "anchors" found by
// the Aho-Corasick pass, and how far a match can reach from them.

import type { Fold } from './pattern.js';
import type { PatternNode } from './patternSyntax.js';

/** Words so common that an anchor made of them hardly filters anything. */
const COMMON = new Set(['a', 'an', 'the', 'i', 'me', 'my', 'you', 'u', 'ur', 'your', 'we', 'he', 'she', 'it', 'they', 'to',
  'of', 'in', 'on', 'is', 'are', 'be', 'do', 'and', 'or', 'so', 'all', 'will', "i'm", "you're", 'this', 'that', '你', '我', '的']);

/** A literal of the pattern as the text is matched: folded, or as written when folding leaves nothing. */
export function foldedLiteral(s: string, fold: Fold): string {
  return fold(s) || s;
}

/** The longest text a match can cover, in code units. */
export function maxLength(seq: readonly PatternNode[], fold: Fold): number {
  let n = 0;
  for (const node of seq) {
    if (node.t === 'text') n += foldedLiteral(node.s, fold).length;
    else if (node.t === 'space') n += 5;
    else if (node.t === 'star') n += 30;
    else if (node.t === 'any') n += 2;
    else if (node.t === 'gap') n += 3 * 35 + 5;
    else n += Math.max(...node.alts.map((a) => maxLength(a, fold)));
  }
  return n;
}

/** Up to two sets of folded literals, best first, such that every match holds one of each. */
export function anchorSets(seq: readonly PatternNode[], fold: Fold): string[][] | null {
  const sets = seq.map((node) => setOf(node, fold)).filter((s): s is string[] => s !== null);
  if (sets.length === 0) return null;
  return sets.sort((a, b) => rank(b) - rank(a)).slice(0, 2);
}

/** A set of literals every match holds, and how far after a match's start one of them can begin. */
export interface AnchorFilter { literals: readonly string[]; within: number }

const MAX_FILTERS = 3;

/**
 * The selective literal sets of the pattern's top level, best first, each with the farthest a
 * literal of it can begin after the start of a match. A try from a start literal is worth making
 * only where each set turned up within its own distance ("(i|we) (find|consider) …": "find" within
 * a few characters of "i"), not merely somewhere within the longest match.
 */
export function anchorFilters(seq: readonly PatternNode[], fold: Fold): AnchorFilter[] {
  const out: AnchorFilter[] = [];
  let end = 0;
  for (const node of seq) {
    end += maxLength([node], fold);
    const set = setOf(node, fold);
    if (set && isSelective(set)) out.push({ literals: set, within: end });
  }
  return out.sort((a, b) => rank(b.literals) - rank(a.literals)).slice(0, MAX_FILTERS);
}

/** The literals one of which any match of this node holds, or null (optional or wildcard). */
function setOf(node: PatternNode, fold: Fold): string[] | null {
  if (node.t === 'text') return [foldedLiteral(node.s, fold)];
  if (node.t !== 'alt') return null;
  const parts: string[] = [];
  for (const alt of node.alts) {
    const best = anchorSets(alt, fold)?.[0];
    if (!best) return null;
    parts.push(...best);
  }
  return [...new Set(parts)];
}

const MAX_STARTS = 1_000;

/** A literal a match can begin with; `word`: it is a whole word of the pattern (a space, a gap or the end follows). */
export interface StartLiteral { text: string; word: boolean }

/**
 * The folded literals one of which every match begins with, or null when a match can begin with
 * a wildcard, a gap or a space. The regex then only needs trying where one of them starts.
 */
export function startLiterals(seq: readonly PatternNode[], fold: Fold): StartLiteral[] | null {
  const out = new Map<string, boolean>();
  if (!collectStarts(seq, fold, out) || out.size > MAX_STARTS) return null;
  return [...out].map(([text, word]) => ({ text, word }));
}

function collectStarts(seq: readonly PatternNode[], fold: Fold, out: Map<string, boolean>): boolean {
  const [node, ...rest] = seq;
  if (!node || out.size > MAX_STARTS) return false;
  if (node.t === 'text') {
    const text = foldedLiteral(node.s, fold);
    // A gap after a word begins with a separator too.
    const word = rest.length === 0 || rest[0].t === 'space' || rest[0].t === 'gap';
    out.set(text, word && (out.get(text) ?? true));
    return true;
  }
  if (node.t !== 'alt') return false;
  // An empty alternative lets the match begin after the group (and the one space that follows it).
  const after = rest[0]?.t === 'space' ? rest.slice(1) : rest;
  return node.alts.every((alt) => collectStarts(alt.length > 0 ? [...alt, ...rest] : after, fold, out));
}

/** A set worth filtering on: no very common word and nothing shorter than three characters. */
function isSelective(set: readonly string[]): boolean {
  return set.every((s) => s.length >= 3 && !COMMON.has(s));
}

/** Longer shortest members filter better; sets of common words barely filter at all. */
function rank(set: readonly string[]): number {
  const common = set.some((s) => COMMON.has(s));
  return Math.min(...set.map((s) => s.length)) * 100 - set.length - (common ? 10_000 : 0);
}
