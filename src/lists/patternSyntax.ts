// The small, safe pattern syntax of list entries with match kind 'pattern' (docs in pattern.ts).
// Parsed into a tiny tree so nothing a tenant writes ever reaches RegExp unescaped.

import { BulwarkError } from '../errors.js';

export type PatternNode =
  | { t: 'text'; s: string }
  | { t: 'space' }
  | { t: 'alt'; alts: PatternNode[][] }
  | { t: 'star' }
  | { t: 'any' }
  | { t: 'gap' };

export const PATTERN_MAX_LENGTH = 200;
const MAX_DEPTH = 3;

/**
 * Limits for tenant patterns; the built-in lexicon, reviewed in the repo, may pass larger ones.
 * maxGaps bounds backtracking: each "~" multiplies the ways a regex can split the words between
 * gaps (about ×4 per gap on adversarial text), so eight gaps could stall the event loop for seconds.
 */
export interface PatternLimits { maxLength: number; maxAlternatives: number; maxGaps: number }
export const PATTERN_LIMITS: PatternLimits = Object.freeze({ maxLength: PATTERN_MAX_LENGTH, maxAlternatives: 32, maxGaps: 2 });
const RESERVED = '()|*?~';

interface ParseState { at: number; limits: PatternLimits }

export function invalidPattern(pattern: string, reason: string): BulwarkError {
  return new BulwarkError('LIST_PATTERN_INVALID', `Pattern ${JSON.stringify(pattern.slice(0, 60))}: ${reason}.`, { pattern, reason });
}

/** Parses and validates; throws LIST_PATTERN_INVALID with a reason a person can act on. */
export function parsePattern(pattern: string, limits: PatternLimits = PATTERN_LIMITS): PatternNode[] {
  const source = pattern.trim();
  if (source.length === 0) throw invalidPattern(pattern, 'it is empty');
  if (source.length > limits.maxLength) throw invalidPattern(pattern, `it is longer than ${limits.maxLength} characters`);
  if (/[\u0000-\u001f\u007f]/.test(source)) throw invalidPattern(pattern, 'it holds control characters');
  const gaps = source.split('~').length - 1;
  if (gaps > limits.maxGaps) throw invalidPattern(pattern, `it has ${gaps} "~" gaps; at most ${limits.maxGaps}`);
  const state = { at: 0, limits };
  const seq = parseSeq(source, state, 0, pattern);
  if (state.at < source.length) throw invalidPattern(pattern, `unexpected "${source[state.at]}" at ${state.at}`);
  if (!hasText(seq)) throw invalidPattern(pattern, 'it needs at least one literal word');
  return seq;
}

function parseSeq(src: string, state: ParseState, depth: number, pattern: string): PatternNode[] {
  const seq: PatternNode[] = [];
  while (state.at < src.length) {
    const ch = src[state.at];
    if (ch === ')' || ch === '|') break;
    state.at++;
    if (/\s/.test(ch)) {
      while (state.at < src.length && /\s/.test(src[state.at])) state.at++;
      // Inside a group a space at either end counts: "(best |)kill" is "best kill" or "kill".
      if ((seq.length > 0 || depth > 0) && seq[seq.length - 1]?.t !== 'space') seq.push({ t: 'space' });
    } else if (ch === '(') {
      if (depth >= MAX_DEPTH) throw invalidPattern(pattern, `groups nest deeper than ${MAX_DEPTH}`);
      seq.push(parseGroup(src, state, depth + 1, pattern));
    } else if (ch === '*') seq.push({ t: 'star' });
    else if (ch === '?') seq.push({ t: 'any' });
    else if (ch === '~') seq.push({ t: 'gap' });
    else {
      const last = seq[seq.length - 1];
      if (last && last.t === 'text') last.s += ch; else seq.push({ t: 'text', s: ch });
    }
  }
  if (depth === 0 && seq.length > 0 && seq[seq.length - 1].t === 'space') seq.pop();
  checkSeq(seq, pattern);
  return seq;
}

function parseGroup(src: string, state: ParseState, depth: number, pattern: string): PatternNode {
  const alts: PatternNode[][] = [];
  for (;;) {
    alts.push(parseSeq(src, state, depth, pattern));
    if (alts.length > state.limits.maxAlternatives) throw invalidPattern(pattern, `a group has more than ${state.limits.maxAlternatives} alternatives`);
    const ch = src[state.at++];
    if (ch === ')') break;
    if (ch !== '|') throw invalidPattern(pattern, 'a "(" is never closed');
  }
  if (alts.every((a) => a.length === 0)) throw invalidPattern(pattern, 'a group is empty');
  return { t: 'alt', alts };
}

/** Stars touch a word; gaps sit between words; no two wildcards of one kind in a row. */
function checkSeq(seq: PatternNode[], pattern: string): void {
  // A space next to a group already separates: "(best |) kill" must not need two.
  seq.forEach((node, i) => {
    if (node.t !== 'alt') return;
    for (const alt of node.alts) {
      if (seq[i + 1]?.t === 'space' && alt[alt.length - 1]?.t === 'space') alt.pop();
      if (seq[i - 1]?.t === 'space' && alt[0]?.t === 'space') alt.shift();
    }
  });
  for (let i = 0; i < seq.length; i++) {
    const node = seq[i];
    const prev = seq[i - 1];
    const next = seq[i + 1];
    if (node.t === 'star') {
      const wordy = (n?: PatternNode) => n !== undefined && (n.t === 'text' || n.t === 'alt' || n.t === 'any');
      if (!wordy(prev) && !wordy(next)) throw invalidPattern(pattern, '"*" must touch a word');
      if (next?.t === 'star') throw invalidPattern(pattern, '"**" is not allowed');
    }
    if (node.t === 'gap') {
      const before = prev?.t === 'space' ? seq[i - 2] : prev;
      const after = next?.t === 'space' ? seq[i + 2] : next;
      if (!before || !after || before.t === 'gap' || after.t === 'gap') throw invalidPattern(pattern, '"~" must stand between two words');
    }
  }
  // A gap absorbs the spaces around it.
  for (let i = seq.length - 1; i >= 0; i--) {
    if (seq[i].t === 'space' && (seq[i - 1]?.t === 'gap' || seq[i + 1]?.t === 'gap')) seq.splice(i, 1);
  }
}

function hasText(seq: readonly PatternNode[]): boolean {
  return seq.some((n) => n.t === 'text' || (n.t === 'alt' && n.alts.some(hasText)));
}

export function isReserved(ch: string): boolean { return RESERVED.includes(ch); }
