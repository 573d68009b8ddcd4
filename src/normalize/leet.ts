// Leetspeak inside words: "sh1t", "f4ggot", "@ss", "k!ll", "$hit", "ki11" fold to letters, while
// numbers stay numbers ("call 555 0100", "2024", "user123", "10am", "4k", "$100"). A symbol or
// digit run folds only when it touches a letter of the same token; see tables.ts for the map.
import { BOUNDARY, classOf, LETTER } from './chars.js';
import type { Folding } from './folding.js';
import { LEET, LEET_TRAILING, NUMBER_SUFFIXES } from './tables.js';

const ONE = 0x31;
const LOWER_L = 0x6c;
const LOWER_I = 0x69;
const MAX_SUFFIX = 4;
const CURRENCY = new Set([...'$€£¥'].map((c) => c.codePointAt(0) as number));

function isAlpha(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x61 && cp <= 0x7a;
  return (classOf(cp) & (LETTER | BOUNDARY)) === (LETTER | BOUNDARY);
}

function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

// Han, kana and the rest of the high planes hold no leet symbol: they skip the map.
const LAST_LEET = Math.max(...LEET.keys());

function isLeetish(cp: number): boolean {
  if (cp < 0x80) return isDigit(cp) || cp === 0x40 || cp === 0x24 || cp === 0x21 || cp === 0x7c;
  return cp <= LAST_LEET && LEET.has(cp);
}

/** "10am", "4k", "$5", "1st": currency, digits, then nothing or a unit suffix. */
function isQuantity(cps: Int32Array, a: number, b: number): boolean {
  let k = a;
  while (k < b && CURRENCY.has(cps[k])) k++;
  const digitsFrom = k;
  while (k < b && isDigit(cps[k])) k++;
  if (k === digitsFrom) return false;
  if (b - k > MAX_SUFFIX) return false;
  let suffix = '';
  for (; k < b; k++) {
    if (!isAlpha(cps[k]) || cps[k] > 0x7f) return false;
    suffix += String.fromCharCode(cps[k]);
  }
  return suffix === '' || NUMBER_SUFFIXES.has(suffix);
}

/** A run of symbols/digits folds if all are leet and a letter follows, or it ends a word. */
function runFolds(cps: Int32Array, a: number, b: number, letterAfter: boolean): boolean {
  for (let k = a; k < b; k++) {
    if (!LEET.has(cps[k])) return false; // 2, 6 and other digits: a number, not a word
    if (!letterAfter && !LEET_TRAILING.has(cps[k])) return false; // "hi!" keeps its "!"
  }
  return true;
}

function applyRun(cps: Int32Array, a: number, b: number): void {
  let k = a;
  while (k < b) {
    if (cps[k] !== ONE) {
      cps[k] = LEET.get(cps[k]) as number;
      k++;
      continue;
    }
    let e = k;
    while (e < b && cps[e] === ONE) e++;
    cps.fill(e - k >= 2 ? LOWER_L : LOWER_I, k, e); // "ki11" is kill, "sh1t" is shit
    k = e;
  }
}

function foldToken(cps: Int32Array, a: number, b: number): void {
  let r = a;
  while (r < b) {
    if (isAlpha(cps[r])) {
      r++;
      continue;
    }
    let e = r;
    while (e < b && !isAlpha(cps[e])) e++;
    if (runFolds(cps, r, e, e < b)) applyRun(cps, r, e);
    r = e;
  }
}

/** Replaces leetspeak digits and symbols with letters inside word-like tokens, in place. */
export function foldLeet(f: Folding): void {
  const cps = f.cp;
  const n = f.length;
  let k = 0;
  while (k < n) {
    if (!isAlpha(cps[k]) && !isLeetish(cps[k])) {
      k++;
      continue;
    }
    let e = k;
    let letters = 0;
    for (; e < n && (isAlpha(cps[e]) || isLeetish(cps[e])); e++) if (isAlpha(cps[e])) letters++;
    if (letters > 0 && letters < e - k && !isQuantity(cps, k, e)) foldToken(cps, k, e);
    k = e;
  }
}
