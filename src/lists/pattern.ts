// Pattern entries compiled two ways: small ones expand into plain phrases for the Aho-Corasick
// pass; the rest become a RegExp with only bounded quantifiers, prefiltered by a literal anchor.
//
// Syntax (case-insensitive, matched against the folded text):
//   words        literal text; a space matches a short run of spaces/punctuation, and is
//                optional before an apostrophe ("i ('ll|will)" matches "i'll")
//   (a|b|c)      alternatives, may hold spaces and nest 3 deep; (a|) makes a part optional
//   *            at a word's end: the rest of the word ("fuck*" → fucking); at its start: any prefix
//   ?            any one letter or digit
//   ~            a gap of up to 3 words (or up to 8 characters in Chinese/Japanese)
// Word boundaries apply at both ends when the outer character is a letter or digit of a spaced script.

import { invalidPattern, parsePattern } from './patternSyntax.js';
import type { PatternLimits, PatternNode } from './patternSyntax.js';
import { emitTrie } from './alternationTrie.js';
import type { Piece } from './alternationTrie.js';
import { anchorFilters, anchorSets, foldedLiteral, maxLength, startLiterals } from './patternAnchors.js';
import type { AnchorFilter } from './patternAnchors.js';
import type { StartLiteral } from './patternAnchors.js';
import { punctuationView } from './punctuationView.js';
import { charClass, endsWithWord, startsWithWord } from './wordBoundary.js';

export interface CompiledPattern {
  readonly source: string;
  /** Folded phrases (with '*' continuation markers) when the pattern expands small enough. */
  readonly expansions: readonly string[] | null;
  /** Otherwise a RegExp over the folded text ... */
  readonly regex: RegExp | null;
  /**
   * ... worth running only where a literal of each of these sets occurs nearby (at most two sets,
   * the most telling first; null: always run). Every match holds one literal of every set.
   */
  readonly anchors: ReadonlyArray<readonly string[]> | null;
  /** The longest text the regex can match, in code units (every quantifier is bounded). */
  readonly maxLength: number;
  /** Folded literals one of which every match begins with (null: a match may begin anywhere). */
  readonly starts: readonly StartLiteral[] | null;
  /** With `starts`: the literal sets that must also turn up, each within its distance of the start. */
  readonly filters: readonly AnchorFilter[];
}

export type Fold = (text: string) => string;

const MAX_EXPANSIONS = 256;
/**
 * What a space in a pattern matches: whitespace and ASCII punctuation, up to 5. The RegExp reads
 * punctuationView(text), where other non-ASCII punctuation (general, Latin-1, CJK) is already a space.
 */
const SEP = '[\\s!-/:-@\\[-`{-~\\u2018\\u2019]{1,5}';

export function compilePattern(pattern: string, fold: Fold, limits?: PatternLimits): CompiledPattern {
  const seq = parsePattern(pattern, limits);
  const expansions = expand(seq, fold);
  if (expansions) return { source: pattern, expansions, regex: null, anchors: null, maxLength: 0, starts: null, filters: [] };
  let regex: RegExp;
  try {
    regex = new RegExp(emitBounded(seq, fold), 'gu');
  } catch (err) {
    throw invalidPattern(pattern, `it does not compile (${(err as Error).message})`);
  }
  return {
    source: pattern, expansions: null, regex, anchors: anchorSets(seq, fold), maxLength: maxLength(seq, fold),
    starts: startLiterals(seq, fold), filters: anchorFilters(seq, fold),
  };
}

/** Every phrase the pattern can match, or null when it has ?, ~, inner stars or too many forms. */
function expand(seq: readonly PatternNode[], fold: Fold): string[] | null {
  const raw = expandSeq(seq);
  if (!raw) return null;
  const out = new Set<string>();
  for (const phrase of raw) {
    const lead = phrase.startsWith('\u0001') ? '*' : '';
    const trail = phrase.endsWith('\u0001') ? '*' : '';
    const folded = fold(phrase.replaceAll('\u0001', '').replace(/ {2,}/g, ' ').replace(/ (?=['’])/g, '').trim());
    if (folded.length > 0) out.add(lead + folded + trail);
  }
  return out.size > 0 ? [...out] : null;
}

function expandSeq(seq: readonly PatternNode[]): string[] | null {
  let acc = [''];
  for (const [i, node] of seq.entries()) {
    let parts: string[] | null;
    if (node.t === 'text') parts = [node.s];
    else if (node.t === 'space') parts = [' '];
    else if (node.t === 'star' && (i === 0 || i === seq.length - 1)) parts = ['\u0001'];
    else if (node.t === 'alt') parts = node.alts.flatMap((a) => expandSeq(a) ?? ['\u0000']);
    else return null;
    if (parts.includes('\u0000') || acc.length * parts.length > MAX_EXPANSIONS) return null;
    acc = acc.flatMap((a) => parts.map((p) => a + p));
  }
  // A star that ended up inside a phrase (from a group) cannot be expressed as a plain entry.
  if (acc.some((p) => p.slice(1, -1).includes('\u0001'))) return null;
  return acc;
}

/** The regex source with word boundaries: one at each end when every way in (or out) is a word character. */
function emitBounded(seq: readonly PatternNode[], fold: Fold): string {
  const W = charClass('boundary');
  const first = edgeChars(seq, 'start', fold);
  const last = edgeChars(seq, 'end', fold);
  const allStart = first.every((c) => startsWithWord(c));
  const allEnd = last.every((c) => startsWithWord(c));
  const mixedStart = !allStart && first.some((c) => startsWithWord(c));
  const mixedEnd = !allEnd && last.some((c) => startsWithWord(c));
  return (allStart ? `(?<!${W})` : '') + emitSeq(seq, mixedStart, mixedEnd, fold) + (allEnd ? `(?!${W})` : '');
}

/** The characters a match can start (or end) with; '' for a star, which needs no boundary. */
function edgeChars(seq: readonly PatternNode[], side: 'start' | 'end', fold: Fold): string[] {
  const out: string[] = [];
  const items = side === 'start' ? seq : [...seq].reverse();
  for (const node of items) {
    if (node.t === 'text') {
      const s = foldedLiteral(node.s, fold);
      out.push(side === 'start' ? s[0] : s[s.length - 1]);
    } else if (node.t === 'any') out.push('a');
    else if (node.t === 'star') out.push('');
    else if (node.t === 'alt') for (const alt of node.alts) out.push(...edgeChars(alt, side, fold));
    if (!nullable(node)) break;
  }
  return out.filter((c) => c !== '');
}

function emitSeq(seq: readonly PatternNode[], atStart: boolean, atEnd: boolean, fold: Fold): string {
  let out = '';
  const flags = (i: number) => [atStart && seq.slice(0, i).every(nullable), atEnd && seq.slice(i + 1).every(nullable)] as const;
  for (let i = 0; i < seq.length; i++) {
    const node = seq[i];
    const next = seq[i + 1];
    // An optional group takes one neighbouring space with it: "cocaine (online|)" ends at "cocaine";
    // unless it holds that space itself: "women (like you |)are".
    if (node.t === 'space' && isOptional(next) && seq[i + 2]?.t !== 'space' && !holdsSpace(next, 'end')) {
      out += `(?:${emitNode(seq, i, false, false, fold)}${emitOptional(next, ...flags(i + 1), fold)})?`;
      i++;
    } else if (isOptional(node) && seq[i + 1]?.t === 'space' && !holdsSpace(node, 'start') && !gluedToWord(seq[i - 1])) {
      // …and one that leads a phrase takes the space after it: "(really|) bad". Not a suffix glued
      // to a word ("fuck(ed|) you"): the space after it stays when the suffix is absent.
      out += `(?:${emitOptional(node, ...flags(i), fold)}${emitNode(seq, i + 1, false, false, fold)})?`;
      i++;
    } else out += emitNode(seq, i, ...flags(i), fold);
  }
  return out;
}

/** A node a following group is written against with no space: a word, a star, a group that ends without one ("(so |)" does not). */
function gluedToWord(node: PatternNode | undefined): boolean {
  if (node === undefined || node.t === 'space' || node.t === 'gap') return false;
  return node.t !== 'alt' || !holdsSpace(node, 'end');
}

/** Every alternative that is not empty has a space at that end. */
function holdsSpace(node: Extract<PatternNode, { t: 'alt' }>, side: 'start' | 'end'): boolean {
  return node.alts.every((a) => a.length === 0 || a[side === 'start' ? 0 : a.length - 1].t === 'space');
}

function isOptional(node: PatternNode | undefined): node is Extract<PatternNode, { t: 'alt' }> {
  return node?.t === 'alt' && node.alts.some((a) => a.length === 0);
}

function emitOptional(node: Extract<PatternNode, { t: 'alt' }>, start: boolean, end: boolean, fold: Fold): string {
  return emitAlternatives(node.alts.filter((a) => a.length > 0), start, end, fold);
}

/** Fewer alternatives than this gain nothing from sharing their beginnings. */
const TRIE_MIN = 4;

/** `(?:a|b|…)`; plain phrases (words and spaces only) as a prefix tree when there are enough of them. */
function emitAlternatives(alts: readonly (readonly PatternNode[])[], start: boolean, end: boolean, fold: Fold): string {
  const phrases = alts.length >= TRIE_MIN ? plainPieces(alts, fold) : null;
  const wordStarts = phrases?.map((p) => p[0].word);
  if (!phrases || (start && new Set(wordStarts).size > 1)) return `(?:${alts.map((a) => emitSeq(a, start, end, fold)).join('|')})`;
  const W = charClass('boundary');
  const lead = start && wordStarts![0] ? `(?<!${W})` : '';
  return `(?:${lead}${emitTrie(phrases, end ? `(?!${W})` : '')})`;
}

/** Each alternative as pieces, or null when one holds more than words and spaces (or is empty). */
function plainPieces(alts: readonly (readonly PatternNode[])[], fold: Fold): Piece[][] | null {
  const out: Piece[][] = [];
  for (const alt of alts) {
    const pieces: Piece[] = [];
    for (const [i, node] of alt.entries()) {
      if (node.t === 'space') pieces.push({ re: startsWithApostrophe(alt[i + 1]) ? `(?:${SEP})?` : SEP, word: false });
      else if (node.t === 'text') for (const c of punctuationView(foldedLiteral(node.s, fold))) pieces.push({ re: escape(c), word: startsWithWord(c) });
      else return null;
    }
    if (pieces.length === 0) return null;
    out.push(pieces);
  }
  return out;
}

function emitNode(seq: readonly PatternNode[], i: number, start: boolean, end: boolean, fold: Fold): string {
  const node = seq[i];
  const W = charClass('boundary');
  const LN = charClass('word');
  switch (node.t) {
    case 'text': {
      const s = punctuationView(foldedLiteral(node.s, fold));
      return (start && startsWithWord(s) ? `(?<!${W})` : '') + escape(s) + (end && endsWithWord(s) ? `(?!${W})` : '');
    }
    case 'space': return startsWithApostrophe(seq[i + 1]) ? `(?:${SEP})?` : SEP;
    case 'star': return `${W}{0,30}`;
    case 'any': return (start ? `(?<!${W})` : '') + LN + (end ? `(?!${W})` : '');
    case 'alt': return emitAlternatives(node.alts, start, end, fold);
    case 'gap': {
      const before = lastChar(seq[i - 1], fold);
      return before && startsWithWord(before) ? `(?:${SEP}${LN}{1,30}){0,3}${SEP}` : '.{0,8}?';
    }
  }
}

function startsWithApostrophe(node: PatternNode | undefined): boolean {
  if (node?.t === 'text') return /^['’]/.test(node.s);
  return node?.t === 'alt' && node.alts.some((a) => startsWithApostrophe(a[0]));
}

function nullable(node: PatternNode): boolean {
  return node.t === 'star' || (node.t === 'alt' && node.alts.some((a) => a.every(nullable)));
}

function lastChar(node: PatternNode | undefined, fold: Fold): string {
  if (!node) return '';
  if (node.t === 'text') return foldedLiteral(node.s, fold).slice(-1);
  if (node.t === 'any') return 'a';
  if (node.t === 'alt') return node.alts.map((a) => lastChar(a[a.length - 1], fold)).find((c) => c) ?? '';
  return '';
}

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replaceAll("'", "['\u2019]");
}
