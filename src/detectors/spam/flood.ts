// Flooding: one character or one short unit repeated over and over ("!!!!!!!!", "buy buy buy …"),
// the same line pasted many times, and ALL CAPS over a long text. Mild alone (people laugh with
// "哈哈哈哈哈哈哈哈" and "hahahahaha"), telling with others; a pasted line is the strongest.

import { codeUnits, unitTable } from '../shared/index.js';

export interface FloodHit { start: number; end: number; rule: 'spam:flood' | 'spam:caps'; weight: number }

// Digits and layout characters (rules like "-----", "=====", "....") repeat innocently.
const CHAR_RUN = /([^\s\d\-=_*.~#+<>|/\\,:;'"`·—])\1{7,}/gu;
const SINGLE_CHAR = /^(.)\1*$/u;
// Glued repeats ("hahahaha", "❤️❤️❤️") are short; longer units come with separators and are
// caught word by word. Scanning every period up to 24 cost ~130 µs per KB; up to 6, ~25 µs.
const MAX_PERIOD = 6;
const MAX_WORD_PERIOD = 4;
const MIN_COPIES = 5;
const SEPARATORS = unitTable(',.!?;:，。！？；：、~"\'()[]{}\u3000\u00a0');
const LINE = /[^\n]+/g;

export function findFlood(text: string): FloodHit[] {
  const units = codeUnits(text);
  const runs: FloodHit[] = [];
  wordRuns(text, units, runs);
  unitRuns(text, units, runs);
  return [...charRuns(text), ...runs, ...repeatedLines(text), ...shouting(units)];
}

function charRuns(text: string): FloodHit[] {
  const out: FloodHit[] = [];
  for (const m of text.matchAll(CHAR_RUN)) {
    const n = [...m[0]].length;
    out.push({ start: m.index, end: m.index + m[0].length, rule: 'spam:flood', weight: n >= 100 ? 0.65 : n >= 30 ? 0.45 : 0.3 });
  }
  return out;
}

interface Words { start: Int32Array; end: Int32Array; hash: Int32Array; n: number }

/** Words split at spaces and punctuation, each with a case-folded hash to compare cheaply. */
function splitWords(units: Uint16Array): Words {
  const w: Words = { start: new Int32Array(units.length), end: new Int32Array(units.length), hash: new Int32Array(units.length), n: 0 };
  let from = -1;
  let h = 0;
  for (let i = 0; i <= units.length; i++) {
    const c = i < units.length ? units[i] : 32;
    if (c <= 32 || SEPARATORS[c] === 1) {
      if (from >= 0) { w.start[w.n] = from; w.end[w.n] = i; w.hash[w.n++] = h; from = -1; }
      continue;
    }
    if (from < 0) { from = i; h = 0; }
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return w;
}

/** The same word, or the same 2-4 words, five times or more in a row ("buy buy buy …", "free money free money …"). */
function wordRuns(text: string, units: Uint16Array, out: FloodHit[]): void {
  const w = splitWords(units);
  const same = (a: number, b: number): boolean => w.hash[a] === w.hash[b] && w.end[a] - w.start[a] === w.end[b] - w.start[b];
  for (let q = 1; q <= MAX_WORD_PERIOD; q++) {
    let run = 0;
    for (let i = 0; i + q <= w.n; i++) {
      if (i + q < w.n && same(i, i + q)) { run++; continue; }
      if (run >= (MIN_COPIES - 1) * q) addRun(text, w.start[i - run], w.end[i + q - 1], Math.ceil((run + q) / q), out);
      run = 0;
    }
  }
}

/**
 * A unit of 2-6 code units glued to itself 5+ times ("hahahaha", "❤️❤️❤️"): for each period p, a
 * stretch where text[k] === text[k + p] for 4p units in a row. Linear, no regex backtracking.
 */
function unitRuns(text: string, units: Uint16Array, out: FloodHit[]): void {
  for (let p = 2; p <= MAX_PERIOD; p++) {
    let run = 0;
    for (let k = 0; k + p <= units.length; k++) {
      if (k + p < units.length && units[k] === units[k + p]) { run++; continue; }
      if (run >= (MIN_COPIES - 1) * p) {
        const unit = text.slice(k - run, k - run + p);
        if (!SINGLE_CHAR.test(unit)) addRun(text, k - run, k + p, Math.floor((run + p) / p), out);
      }
      run = 0;
    }
  }
}

function addRun(text: string, start: number, end: number, copies: number, out: FloodHit[]): void {
  if (out.some((h) => h.start < end && start < h.end)) return;
  if (!/[^\s\d\p{P}]/u.test(text.slice(start, end))) return; // "1 1 1 1 1", "- - - - -": layout, not flood
  const weight = end - start >= 200 ? 0.65 : copies >= 15 ? 0.45 : 0.3;
  out.push({ start, end, rule: 'spam:flood', weight });
}

function repeatedLines(text: string): FloodHit[] {
  const seen = new Map<string, { start: number; end: number; count: number }>();
  for (const m of text.matchAll(LINE)) {
    const key = m[0].trim().toLowerCase();
    if (key.length < 4) continue;
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = start + m[0].trim().length;
    const entry = seen.get(key);
    if (entry) { entry.end = end; entry.count++; } else seen.set(key, { start, end, count: 1 });
  }
  return [...seen.values()].filter((e) => e.count >= 3)
    .map((e) => ({ start: e.start, end: e.end, rule: 'spam:flood' as const, weight: e.count >= 5 ? 0.8 : 0.55 }));
}

/** Mostly capital letters over at least 30 Latin letters in five or more words: shouting. */
function shouting(units: Uint16Array): FloodHit[] {
  let letters = 0;
  let upper = 0;
  let first = -1;
  let last = -1;
  let words = 0;
  for (let i = 0; i < units.length; i++) {
    const c = units[i];
    if (c === 32 && i > 0 && units[i - 1] !== 32) words++;
    const isUpper = c >= 65 && c <= 90;
    if (isUpper || (c >= 97 && c <= 122)) {
      letters++;
      if (isUpper) { upper++; if (first < 0) first = i; last = i; }
    }
  }
  if (letters < 30 || words < 4 || upper / letters < 0.8) return [];
  return [{ start: first, end: last + 1, rule: 'spam:caps', weight: 0.35 }];
}
