// Letters folded to Latin wherever they appear: Latin letters NFKC and accent stripping cannot
// reduce (ꜱᴍᴀʟʟ ᴄᴀᴘs, ı, ø, ł, ɑ…) and lookalikes from rarely written scripts (Cherokee, Lisu,
// Canadian syllabics). Built from the `confusables` package data, filtered to letter targets, on
// first use: loading that package costs ~15 ms, and pure-ASCII text never needs it.
import { createRequire } from 'node:module';

// Scripts whose lookalikes fold unconditionally. Cyrillic, Greek and Armenian are real alphabets
// people write in every day, so they go through the word-level policy in scripts.ts instead.
const ALWAYS_SCRIPTS = /[\p{sc=Latin}\p{sc=Cherokee}\p{sc=Lisu}\p{sc=Canadian_Aboriginal}]/u;
const LETTER = /^\p{L}$/u;
const LATIN_TARGET = /^[a-z]{1,2}$/;
const MARKS = /\p{M}/gu;

// The package maps by shape; a few shapes mislead for real letters.
const OVERRIDES: ReadonlyArray<readonly [string, string]> = [
  ['ß', 'ss'], ['ẞ', 'ss'], ['ı', 'i'], ['ɩ', 'i'], ['Ɩ', 'i'], ['ð', 'd'], ['Ð', 'd'],
  ['æ', 'ae'], ['Æ', 'ae'], ['œ', 'oe'], ['Œ', 'oe'], ['ĸ', 'k'], ['ſ', 's'],
];
// Real letters whose package target is a different letter's shape (ʒ → 3, ɔ → c).
const KEEP = new Set(['þ', 'Þ', 'ʒ', 'Ʒ', 'ǯ', 'Ǯ', 'ɔ', 'Ɔ']);

function alreadyAscii(ch: string): boolean {
  return /^[a-z0-9]*$/.test(ch.normalize('NFKD').replace(MARKS, '').toLowerCase());
}

function build(): Map<number, string> {
  const require = createRequire(import.meta.url);
  const { confusablesMap } = require('confusables') as typeof import('confusables');
  const map = new Map<number, string>();
  for (const [from, to] of confusablesMap) {
    const target = to.toLowerCase();
    if (!LETTER.test(from) || !ALWAYS_SCRIPTS.test(from) || KEEP.has(from)) continue;
    if (!LATIN_TARGET.test(target) || alreadyAscii(from)) continue;
    map.set(from.codePointAt(0) as number, target);
  }
  for (const [from, to] of OVERRIDES) map.set(from.codePointAt(0) as number, to);
  return map;
}

let table: Map<number, string> | null = null;

/** The lower-case Latin replacement of a letter folded wherever it appears, if it is one. */
export function alwaysLatin(cp: number): string | undefined {
  table ??= build();
  return table.get(cp);
}
