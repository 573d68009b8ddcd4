// Stretched letters: "fuuuuck", "kiiiill", "shiiiit", "loooser". A run of three or more of the same
// letter collapses to one, or to two for s, l, g and z inside a word, since those double in the
// words people stretch ("asssss" → "ass", "killlll" → "kill", "niggga"). "xxx"/"kkk" stay three.
import { BOUNDARY, classOf, LETTER, WORD } from './chars.js';
import { compact } from './folding.js';
import type { Folding } from './folding.js';

const KEEP_TWO = new Set([...'slgz'].map((c) => c.codePointAt(0) as number));

function isAlpha(cp: number): boolean {
  return (classOf(cp) & (LETTER | BOUNDARY)) === (LETTER | BOUNDARY);
}

function isWord(cps: Int32Array, n: number, k: number): boolean {
  return k >= 0 && k < n && (classOf(cps[k]) & WORD) !== 0;
}

function keepCount(cps: Int32Array, n: number, a: number, b: number): number {
  const startsWord = !isWord(cps, n, a - 1);
  if (startsWord && !isWord(cps, n, b)) return 3; // the whole word is one letter: "xxx", "zzz"
  return !startsWord && KEEP_TWO.has(cps[a]) ? 2 : 1;
}

/** Collapses runs of 3+ identical letters; the kept letters cover the whole run in the original. */
export function collapseStretches(f: Folding): void {
  const { cp: cps, end } = f;
  const n = f.length;
  let drop: Uint8Array | null = null;
  let k = 0;
  while (k < n) {
    let e = k + 1;
    while (e < n && cps[e] === cps[k]) e++;
    if (e - k >= 3 && isAlpha(cps[k])) {
      const keep = keepCount(cps, n, k, e);
      end[k + keep - 1] = end[e - 1];
      drop ??= new Uint8Array(n);
      drop.fill(1, k + keep, e);
    }
    k = e;
  }
  if (drop !== null) compact(f, drop);
}
