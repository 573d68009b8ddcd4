// First pass over the original: splits it into clusters (a base plus its combining marks), drops
// zero-width and bidi controls, and folds each cluster with NFKC, case folding, accent stripping
// and the always-on homoglyph table. Results per code point are cached: the common path is a lookup.
import { classOf, EXTEND, IGNORABLE, MARK, STRIP } from './chars.js';
import { append } from './folding.js';
import type { Folding } from './folding.js';
import { alwaysLatin } from './homoglyphs.js';
import { ENCLOSED, UPPER_HOMOGLYPHS } from './tables.js';

const MAX_CLUSTER = 32;
const SHORT_I = 0x439; // й keeps its breve: it is a different letter from и, not an accent
const FINAL_SIGMA = 0x3c2;
const SIGMA = 0x3c3;

function pushString(s: string, out: number[]): void {
  for (const ch of s) out.push(ch.codePointAt(0) as number);
}

/** Folds one code point of NFKC output: homoglyphs, lower case, accents off. */
function foldChar(ch: string, out: number[]): void {
  const c = ch.codePointAt(0) as number;
  if (classOf(c) & IGNORABLE) return;
  const always = alwaysLatin(c);
  if (always !== undefined) return pushString(always, out);
  if (UPPER_HOMOGLYPHS.has(c)) return void out.push(c); // the script stage decides
  for (const lower of ch.toLowerCase()) {
    const l = lower.codePointAt(0) as number;
    if (l === SHORT_I || !(classOf(l) & STRIP)) {
      out.push(l);
      continue;
    }
    for (const part of lower.normalize('NFKD')) {
      const p = part.codePointAt(0) as number;
      if (classOf(p) & (MARK | IGNORABLE)) continue;
      const latin = alwaysLatin(p);
      if (latin !== undefined) pushString(latin, out);
      else out.push(p === FINAL_SIGMA ? SIGMA : p);
    }
  }
}

/** Folds a whole cluster: NFKC first so jamo and kana with voicing marks compose. */
export function foldCluster(cluster: string, again = true): number[] {
  const out: number[] = [];
  const enclosed = ENCLOSED.get(cluster.codePointAt(0) as number);
  if (enclosed !== undefined) {
    pushString(enclosed, out);
    return out;
  }
  const base = cluster.charCodeAt(0);
  if (base >= 0xd800 && base <= 0xdfff && cluster.length === 1) return [base]; // lone surrogate
  for (const ch of cluster.normalize('NFKC')) foldChar(ch, out);
  // A dropped mark may have blocked a composition (ᄒ ゙ ᅡ): compose what is left once more.
  const folded = String.fromCodePoint(...out);
  const composed = folded.normalize('NFKC');
  return composed === folded || !again ? out : foldCluster(composed, false);
}

// BMP code points folding to exactly one code point are cached as value + 1 in a flat table
// (0: not seen yet, -1: see the map); everything else lives in the map.
const single = new Int32Array(0x10000);
const cache = new Map<number, readonly number[]>();

function foldCodePoint(cp: number): readonly number[] {
  let folded = cache.get(cp);
  if (folded === undefined) {
    folded = foldCluster(String.fromCodePoint(cp));
    cache.set(cp, folded);
    if (cp < 0x10000) single[cp] = folded.length === 1 ? folded[0] + 1 : -1;
  }
  return folded;
}

/** A Latin/Greek/Cyrillic base sheds all its marks, so the cluster folds like the base alone. */
function shedsMarks(base: number): boolean {
  return (classOf(base) & STRIP) !== 0 && base !== 0x438 && base !== 0x418; // и, И + breve = й
}

function appendFolded(f: Folding, cp: number, i: number, j: number): void {
  const known = cp < 0x10000 ? single[cp] : 0;
  if (known > 0) return append(f, known - 1, i, j);
  const out = foldCodePoint(cp);
  for (let k = 0; k < out.length; k++) append(f, out[k], i, j);
}

function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) as number;
}

/**
 * Appends text[i…] while it is ASCII not followed by a combining mark, lower-cased, each unit
 * mapped to itself; returns where it stopped. Plain text spends nearly all its time here.
 */
function appendAsciiRun(text: string, i: number, f: Folding): number {
  const n = text.length;
  const room = f.cp.length - f.length;
  const stop = n - i > room ? i + room : n;
  const { cp: cps, start, end } = f;
  let w = f.length;
  let c = i < stop ? text.charCodeAt(i) : 0x80;
  while (i < stop && c < 0x80) {
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (next >= 0x300 && classOf(codePointAt(text, i + 1)) & EXTEND) break;
    cps[w] = c >= 65 && c <= 90 ? c + 32 : c;
    start[w] = i;
    end[w] = ++i;
    w++;
    c = next;
  }
  f.length = w;
  return i;
}

/** Appends the folded clusters of `text` to `f`, each mapped to its whole original cluster. */
export function foldText(text: string, f: Folding): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) < 0x80) {
      const stopped = appendAsciiRun(text, i, f);
      if (stopped !== i) {
        i = stopped;
        continue;
      }
    }
    const cp = codePointAt(text, i);
    let j = i + (cp > 0xffff ? 2 : 1);
    let extended = false;
    // Nothing below U+0300 extends a cluster, which keeps plain text on the fast path. The cap
    // keeps NFKC's reordering of a mark pile-up (zalgo) from growing with the square of its size.
    while (j < n && j - i < MAX_CLUSTER && text.charCodeAt(j) >= 0x300) {
      const next = codePointAt(text, j);
      if (!(classOf(next) & EXTEND)) break;
      j += next > 0xffff ? 2 : 1;
      extended = true;
    }
    if (cp < 128 && !extended) append(f, cp >= 65 && cp <= 90 ? cp + 32 : cp, i, j);
    else if (!extended || shedsMarks(cp)) appendFolded(f, cp, i, j);
    else for (const out of foldCluster(text.slice(i, j))) append(f, out, i, j);
    i = j;
  }
}
