// Spaced-out words: "k i l l", "f.u.c.k", "k-i-l-l", "f . u . c . k" become "kill" / "fuck".
// A run of single-character tokens joined by the same separator collapses; ordinary sentences
// ("i will kill you") keep their spaces because their tokens are longer than one character.
import { classOf, HAN, LETTER, MARK, SPACE, WORD } from './chars.js';
import { compact } from './folding.js';
import type { Folding } from './folding.js';

// Punctuation that spells out a word when placed between its letters.
const SEPARATORS = new Set([...'.-_*~+/\\,:;·•|\'`^='].map((c) => c.codePointAt(0) as number));
// Leet symbols that can stand for a letter in a spaced-out word ("$ h i t").
const LETTERLIKE = new Set([...'$@€£'].map((c) => c.codePointAt(0) as number));
const MAX_GAP = 6;

function isTokenChar(cp: number): boolean {
  return (classOf(cp) & WORD) !== 0 || (cp < 0x30 ? cp === 0x24 : LETTERLIKE.has(cp));
}

function isSeparator(cp: number): boolean {
  return (classOf(cp) & SPACE) !== 0 || SEPARATORS.has(cp);
}

/** Latin-like tokens and Han tokens never join each other: "k i l l 杀" is "kill 杀". */
function isSpaced(cp: number): boolean {
  return (classOf(cp) & HAN) === 0;
}

function isHangul(cp: number): boolean {
  return (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
}

/** Positions holding a token of exactly one character. */
function singleCharTokens(cps: Int32Array, n: number): number[] {
  const found: number[] = [];
  let prev = false;
  let cur = n > 0 && isTokenChar(cps[0]);
  for (let k = 0; k < n; k++) {
    const next = k + 1 < n && isTokenChar(cps[k + 1]);
    if (cur && !prev && !next && !(classOf(cps[k]) & MARK)) found.push(k);
    prev = cur;
    cur = next;
  }
  return found;
}

/**
 * The separator between two tokens with each run of whitespace as one space ("k i  l l" is
 * spaced evenly, "U.S.A. e.g." is not), or null when the gap is not a separator.
 */
function gapSignature(cps: Int32Array, from: number, to: number): string | null {
  if (to - from > MAX_GAP || to === from) return null;
  let sig = '';
  for (let k = from; k < to; k++) {
    if (!isSeparator(cps[k])) return null;
    if (!(classOf(cps[k]) & SPACE)) sig += String.fromCodePoint(cps[k]);
    else if (!sig.endsWith(' ')) sig += ' ';
  }
  return sig;
}

/** Whether tokens[a..b] spell out a word: 3+ with 2+ letters, or 2+ Han/kana characters. */
function spellsWord(cps: Int32Array, tokens: number[], a: number, b: number): boolean {
  let letters = 0;
  let han = 0;
  for (let t = a; t <= b; t++) {
    const c = classOf(cps[tokens[t]]);
    if (c & LETTER) letters++;
    if (c & HAN && !isHangul(cps[tokens[t]])) han++;
  }
  const count = b - a + 1;
  return (count >= 3 && letters >= 2) || (count >= 2 && han === count);
}

/** Removes the separators inside spaced-out words. */
export function joinSpacedLetters(f: Folding): void {
  const cps = f.cp;
  const tokens = singleCharTokens(cps, f.length);
  if (tokens.length < 2) return;
  const drop = new Uint8Array(f.length);
  let dropped = false;
  const finish = (a: number, b: number) => {
    if (b <= a || !spellsWord(cps, tokens, a, b)) return;
    for (let k = tokens[a] + 1; k < tokens[b]; k++) if (!isTokenChar(cps[k])) drop[k] = 1;
    dropped = true;
  };
  let runStart = 0;
  let runSig: string | null = null;
  for (let t = 1; t < tokens.length; t++) {
    const sameKind = isSpaced(cps[tokens[t - 1]]) === isSpaced(cps[tokens[t]]);
    const sig = sameKind ? gapSignature(cps, tokens[t - 1] + 1, tokens[t]) : null;
    if (sig !== null && sig === runSig) continue;
    finish(runStart, t - 1);
    runStart = sig === null ? t : t - 1;
    runSig = sig;
  }
  finish(runStart, tokens.length - 1);
  if (dropped) compact(f, drop);
}
