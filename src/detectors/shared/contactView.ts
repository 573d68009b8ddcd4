// A "contact view" of a text: the disguises people use to slip URLs and e-mail addresses past
// filters ("example dot com", "seller(at)x", "w w w . x . com", full-width forms, "。") rewritten to
// plain form, each view code unit mapped back to its original range so evidence keeps real offsets.

import { codeUnits, unitTable } from './codeUnits.js';

export const MARK_PLAIN = 0;
/** The view differs from the original here: a disguise was undone. */
export const MARK_DISGUISED = 1;
/** A spoken " at " became '@': only an address if the rest is disguised too ("look at x.com" is prose). */
export const MARK_SPOKEN_AT = 2;

export interface ContactView {
  readonly text: string;
  /** Original range [start[i], end[i]) of view code unit i. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly marks: Uint8Array;
  /** False when nothing was rewritten: then every mark is MARK_PLAIN and lookups can be skipped. */
  readonly disguised: boolean;
}

const BRACKETED = /\s{0,3}[([{<（【「]\s{0,2}(dot|\.|点|點|。|．|at|@|＠)\s{0,2}[)\]}>）】」]\s{0,3}/iy;
const SPOKEN = /\s{1,3}(dot|at)\s{1,3}/iy;
const ZH_DOT = /\s{0,2}[点點。．｡]\s{0,2}/y;
const SPACE_BEFORE_DOT = /[ \t]{1,3}\.[ \t]{0,3}/y;
// A period and a space before a common TLD in lower case ("example. com"); prose capitalises after a period.
const DOT_THEN_SPACE = /\.[ \t]{1,3}(?=(?:com|net|org|cn|io|co|xyz|top|info|vip|cc|tv|shop|site|online|club|app)(?![A-Za-z0-9]))/y;
const ADDRESS_NEXT = /[^\s@＠]{0,64}[@＠]/y;

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isFullWidthAlnum = (c: number): boolean => (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
const isZeroWidth = (c: number): boolean => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad;
const isUrlPunct = (c: number): boolean => c === 46 || c === 58 || c === 47; // . : /
const nextAlnumAt = (u: Uint16Array, k: number): boolean => k < u.length && (isAsciiAlnum(u[k]) || isFullWidthAlnum(u[k]));
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** CJK, kana, hangul, their punctuation and astral characters become spaces: linkify needs word edges. */
function isWideScript(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xd800 && c <= 0xdfff)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef);
}

class Builder {
  readonly codes: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly marks: Uint8Array;
  n = 0;
  pendingStart = -1;
  disguised = false;
  constructor(size: number) {
    // Every rewrite turns one or more original units into exactly one view unit: the view is never longer.
    this.codes = new Uint16Array(size); this.start = new Int32Array(size);
    this.end = new Int32Array(size); this.marks = new Uint8Array(size);
  }
  push(code: number, s: number, e: number, mark: number): void {
    const k = this.n++;
    this.codes[k] = code;
    this.start[k] = this.pendingStart >= 0 ? this.pendingStart : s;
    this.end[k] = e;
    const m = this.pendingStart >= 0 ? MARK_DISGUISED : mark;
    this.marks[k] = m;
    if (m !== MARK_PLAIN) this.disguised = true;
    this.pendingStart = -1;
  }
  lastCode(): number { return this.n > 0 ? this.codes[this.n - 1] : -1; }
}

/** "mail me at bob@x.com": the next word already holds an '@', so this " at " is prose. */
function addressFollows(text: string, k: number): boolean {
  ADDRESS_NEXT.lastIndex = k;
  return ADDRESS_NEXT.test(text);
}

function tryAt(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** Index of the first non-space at or after i, looking at most three spaces ahead. */
function nextNonSpace(u: Uint16Array, i: number): number {
  let k = i;
  while (k < u.length && k - i < 3 && isSpace(u[k])) k++;
  return k;
}

const OPENERS = unitTable('([{<（【「');
const WIDE_DOTS = unitTable('点點。．｡');

/** "at" or "dot" (any case) begins at k: the cheap check before SPOKEN runs. */
function spokenWordAt(u: Uint16Array, k: number): boolean {
  if (k + 2 > u.length) return false;
  const a = lower(u[k]);
  if (a === 97) return lower(u[k + 1]) === 116;
  return a === 100 && k + 3 <= u.length && lower(u[k + 1]) === 111 && lower(u[k + 2]) === 116;
}

/**
 * Rewrites one disguise starting at i, returning where the original resumes (or -1). Cheap
 * character checks guard each pattern: most characters in ordinary text try none of them.
 */
function rewrite(text: string, u: Uint16Array, i: number, b: Builder): number {
  if (!isAsciiAlnum(b.lastCode())) return -1;
  const c = u[i];
  const nsAt = nextNonSpace(u, i);
  const ns = u[nsAt];
  let m: RegExpExecArray | null = null;
  if (OPENERS[ns] === 1 && (m = tryAt(BRACKETED, text, i)) && nextAlnumAt(u, i + m[0].length)) {
    b.push(/^(at|@|＠)$/i.test(m[1]) ? 64 : 46, i, i + m[0].length, MARK_DISGUISED);
    return i + m[0].length;
  }
  if (isSpace(c) && spokenWordAt(u, nsAt) && (m = tryAt(SPOKEN, text, i)) && nextAlnumAt(u, i + m[0].length)) {
    const at = m[1].toLowerCase() === 'at';
    if (!(at && addressFollows(text, i + m[0].length))) {
      b.push(at ? 64 : 46, i, i + m[0].length, at ? MARK_SPOKEN_AT : MARK_DISGUISED);
      return i + m[0].length;
    }
  }
  if (isSpace(c) && ns === 46 && (m = tryAt(SPACE_BEFORE_DOT, text, i)) && nextAlnumAt(u, i + m[0].length)) {
    b.push(46, i, i + m[0].length, MARK_DISGUISED);
    return i + m[0].length;
  }
  if (WIDE_DOTS[ns] === 1 && (m = tryAt(ZH_DOT, text, i)) && nextAlnumAt(u, i + m[0].length)) {
    b.push(46, i, i + m[0].length, MARK_DISGUISED);
    return i + m[0].length;
  }
  if (c === 46 && isSpace(u[i + 1]) && isLowerAscii(u[nextNonSpace(u, i + 1)]) && (m = tryAt(DOT_THEN_SPACE, text, i))) {
    b.push(46, i, i + m[0].length, MARK_DISGUISED);
    return i + m[0].length;
  }
  return -1;
}

/** Spaced-out letters ("w w w . x", "h t t p s : / /"): drop the spaces between one-character tokens. */
function dropSpacing(u: Uint16Array, i: number, b: Builder): number {
  if (i === 0) return -1;
  let j = i;
  while (j < u.length && j - i < 3 && (u[j] === 32 || u[j] === 9 || u[j] === 0x3000)) j++;
  if (j >= u.length || isSpace(u[j]) || isSpace(u[i - 1])) return -1;
  const lc = u[i - 1];
  const rc = u[j];
  const leftSingle = i < 2 || isSpace(u[i - 2]);
  const rightSingle = j + 1 >= u.length || isSpace(u[j + 1]);
  const punctEdge = (leftSingle && isUrlPunct(lc) && lc !== 46) || (rightSingle && isUrlPunct(rc) && rc !== 46);
  if (!(leftSingle && rightSingle) && !punctEdge) return -1;
  if (b.pendingStart < 0) b.pendingStart = i;
  return j;
}

export function contactView(text: string): ContactView {
  const b = new Builder(text.length);
  const u = codeUnits(text);
  let i = 0;
  while (i < u.length) {
    const c = u[i];
    if (!isAsciiAlnum(c)) {
      const next = rewrite(text, u, i, b);
      if (next > i) { i = next; continue; }
      if (isSpace(c)) {
        const after = dropSpacing(u, i, b);
        if (after > i) { i = after; continue; }
      }
      if (isZeroWidth(c)) { if (b.pendingStart < 0) b.pendingStart = i; i++; continue; }
    }
    if (c >= 0xff01 && c <= 0xff5e) b.push(c - 0xfee0, i, i + 1, MARK_DISGUISED);
    else if (isWideScript(c) || isSpace(c)) b.push(32, i, i + 1, MARK_PLAIN);
    else b.push(c, i, i + 1, MARK_PLAIN);
    i++;
  }
  const n = b.n;
  return { text: UTF16.decode(b.codes.subarray(0, n)), start: b.start.subarray(0, n), end: b.end.subarray(0, n), marks: b.marks.subarray(0, n), disguised: b.disguised };
}

const UTF16 = new TextDecoder('utf-16le');

/** True when any view unit in [a, b) carries `mark` (or any non-plain mark when omitted). */
export function hasMark(view: ContactView, a: number, b: number, mark?: number): boolean {
  if (!view.disguised) return false;
  for (let k = a; k < b; k++) {
    if (mark === undefined ? view.marks[k] !== MARK_PLAIN : view.marks[k] === mark) return true;
  }
  return false;
}
