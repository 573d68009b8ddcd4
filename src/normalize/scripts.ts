// Homoglyphs from real alphabets: Cyrillic, Greek and Armenian letters that look Latin. Russian or
// Greek text must stay itself, so a letter folds to Latin only when its word also holds Latin
// letters ("рussy", "kіll") or when every letter of the word is an identical twin ("ѕех").
import { classOf, LATIN, LETTER, WORD } from './chars.js';
import type { Folding } from './folding.js';
import { LOOKALIKES } from './tables.js';

const FIRST_LOOKALIKE = 0x370; // Greek and Cyrillic begin here; Latin never needs a lookup
const LAST_LOOKALIKE = Math.max(...LOOKALIKES.keys()); // Han and kana never need one either

interface WordScripts {
  latin: boolean;
  letters: number;
  lookalikes: number;
  allStrict: boolean;
}

function survey(cps: Int32Array, a: number, b: number): WordScripts {
  const w: WordScripts = { latin: false, letters: 0, lookalikes: 0, allStrict: true };
  for (let k = a; k < b; k++) {
    const c = classOf(cps[k]);
    if (!(c & LETTER)) continue;
    w.letters++;
    const twin = cps[k] < FIRST_LOOKALIKE ? undefined : LOOKALIKES.get(cps[k]);
    if (twin !== undefined) {
      w.lookalikes++;
      if (!twin.strict) w.allStrict = false;
    } else if (c & LATIN) w.latin = true;
    else w.allStrict = false;
  }
  return w;
}

function rewrite(cps: Int32Array, a: number, b: number, toLatin: boolean): void {
  for (let k = a; k < b; k++) {
    const twin = LOOKALIKES.get(cps[k]);
    if (twin !== undefined) cps[k] = toLatin ? twin.to : twin.lower;
  }
}

/** Folds lookalike letters to Latin word by word, in place; the rest end up lower-case. */
export function foldHomoglyphWords(f: Folding): void {
  const cps = f.cp;
  const n = f.length;
  if (!hasLookalike(cps, n)) return;
  let k = 0;
  while (k < n) {
    if (!(classOf(cps[k]) & WORD)) {
      k++;
      continue;
    }
    let e = k + 1;
    while (e < n && classOf(cps[e]) & WORD) e++;
    const w = survey(cps, k, e);
    if (w.lookalikes > 0) {
      const mixed = w.latin;
      const twinsOnly = !w.latin && w.allStrict && w.lookalikes === w.letters;
      rewrite(cps, k, e, mixed || twinsOnly);
    }
    k = e;
  }
}

/** Most text holds no lookalike at all: one cheap pass spares the word-by-word survey. */
function hasLookalike(cps: Int32Array, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const cp = cps[k];
    if (cp >= FIRST_LOOKALIKE && cp <= LAST_LOOKALIKE && LOOKALIKES.has(cp)) return true;
  }
  return false;
}
