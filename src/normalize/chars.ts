// Character classes shared by the folding stages and by matchers deciding where words end.
// Each code point is classified once (Unicode property regexes on first sight) and cached in a
// flat table, so the hot loops only do an array read.

export const WORD = 1; // letter, digit or mark
export const BOUNDARY = 2; // word char of a script written with spaces between words
export const LETTER = 4;
export const DIGIT = 8;
export const SPACE = 16;
export const MARK = 32;
export const IGNORABLE = 64; // zero-width, bidi controls, soft hyphen, variation selectors…
export const LATIN = 128;
export const STRIP = 256; // Latin, Greek, Cyrillic, Common, Inherited: marks are accents to drop
export const EXTEND = 512; // continues the cluster before it (marks, Hangul vowel/final jamo)
export const HAN = 1024;
export const HAN_SCRIPT = 2048; // \p{Script=Han} alone (HAN above also holds kana and bopomofo)
const COMPUTED = 0x8000;

const IGNORABLE_RE = /\p{Default_Ignorable_Code_Point}/u;
const MARK_RE = /\p{M}/u;
const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{N}/u;
const SPACE_RE = /\p{White_Space}/u;
const LATIN_RE = /\p{sc=Latin}/u;
const STRIP_RE = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Common}\p{sc=Inherited}]/u;
const HAN_RE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}]/u;
const HAN_SCRIPT_RE = /\p{sc=Han}/u;
// Scripts written without spaces between words: a match inside them needs no word boundary.
const UNSPACED_RE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}\p{scx=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

const bmp = new Uint16Array(0x10000);
const astral = new Map<number, number>();

function isJamoExtender(cp: number): boolean {
  return (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff);
}

function compute(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return 0; // lone surrogate: plain punctuation-like unit
  const ch = String.fromCodePoint(cp);
  let c = 0;
  if (IGNORABLE_RE.test(ch)) c |= IGNORABLE;
  if (MARK_RE.test(ch)) c |= MARK | WORD | EXTEND;
  if (LETTER_RE.test(ch)) c |= LETTER | WORD;
  if (DIGIT_RE.test(ch)) c |= DIGIT | WORD;
  if (SPACE_RE.test(ch)) c |= SPACE;
  if (LATIN_RE.test(ch)) c |= LATIN;
  if (STRIP_RE.test(ch)) c |= STRIP;
  if (HAN_RE.test(ch)) c |= HAN;
  if (HAN_SCRIPT_RE.test(ch)) c |= HAN_SCRIPT;
  if (isJamoExtender(cp)) c |= EXTEND;
  if (c & WORD && !UNSPACED_RE.test(ch)) c |= BOUNDARY;
  return c;
}

/** The class bits of one code point (see the constants above). */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmp[cp];
    if (known !== 0) return known;
    const c = compute(cp) | COMPUTED;
    bmp[cp] = c;
    return c;
  }
  let c = astral.get(cp);
  if (c === undefined) {
    c = compute(cp) | COMPUTED;
    astral.set(cp, c);
  }
  return c;
}

/** True for letters and digits of any script (\p{L}, \p{N}; marks excluded), by code point or code unit. */
export function isLetterOrDigit(cp: number): boolean {
  return (classOf(cp) & (LETTER | DIGIT)) !== 0;
}

/** True for letters, digits and combining marks of any script (CJK included). */
export function isWordChar(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && (classOf(cp) & WORD) !== 0;
}

/**
 * True for word characters of scripts written with spaces (Latin, Cyrillic, Greek, Arabic,
 * Devanagari…), false for Han, kana, Hangul, Thai and the like, where a lexicon entry may match
 * inside a longer run of letters.
 */
export function needsWordBoundary(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && (classOf(cp) & BOUNDARY) !== 0;
}
