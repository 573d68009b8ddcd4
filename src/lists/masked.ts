// Masked spellings ("f*ck", "f**k", "sh#t", "b!tch"): a symbol stands for a letter inside a word.
// Rare in text, so a cheap pre-check guards a small per-token comparison against eligible entries.

import { isLetterOrDigit } from '../normalize/index.js';

const MASK = '*#%_@$!.-';
const IS_MASK = new Uint8Array(128);
for (const ch of MASK) IS_MASK[ch.charCodeAt(0)] = 1;
/** Symbols that may also just end a sentence: trimmed from a token's end. */
function isTrailing(c: number): boolean { return c === 46 || c === 45 || c === 33; }

function isLetter(c: number): boolean { return c >= 97 && c <= 122; }
function isTokenCode(c: number): boolean { return isLetter(c) || isMaskCode(c); }
function isWordish(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLetterOrDigit(text.charCodeAt(i));
}

export interface MaskCandidate { entry: number; core: string; extendRight: boolean }

/** Entries of one (first letter, length), and the same split by their second letter. */
interface Shape { all: MaskCandidate[]; bySecond: Map<number, MaskCandidate[]> }

/**
 * Candidates keyed by first letter and length (a symbol hides exactly one letter), plus per first
 * letter the few that may run on ("fuck*"). An entry is eligible when it is one ASCII word of 3–15 letters.
 */
export class MaskIndex {
  #byShape = new Map<string, Shape>();
  #runOn = new Map<string, MaskCandidate[]>();
  #size = 0;

  add(entry: number, core: string, extendRight: boolean): void {
    if (!/^[a-z]{3,15}$/.test(core)) return;
    const candidate = { entry, core, extendRight };
    const key = core[0] + core.length;
    let shape = this.#byShape.get(key);
    if (!shape) this.#byShape.set(key, shape = { all: [], bySecond: new Map() });
    shape.all.push(candidate);
    push(shape.bySecond, core.charCodeAt(1), candidate);
    if (extendRight) push(this.#runOn, core[0], candidate);
    this.#size++;
  }

  get size(): number { return this.#size; }

  /** Masked tokens in folded text that fit an entry: [entry, start, end] triples, first fit wins. */
  find(text: string): Array<[number, number, number]> {
    const out: Array<[number, number, number]> = [];
    if (this.#size === 0) return out;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isMaskCode(c)) continue;
      // Grow the run of letters and symbols around this symbol, then trim it to a masked word.
      let s = i;
      while (s > 0 && isTokenCode(text.charCodeAt(s - 1))) s--;
      let e = i + 1;
      while (e < n && isTokenCode(text.charCodeAt(e))) e++;
      i = e;
      while (s < e && !isLetter(text.charCodeAt(s))) s++;
      let end = e;
      while (end > s && isTrailing(text.charCodeAt(end - 1))) end--;
      if (end - s < 3 || end - s > 30 || !hasMaskCode(text, s + 1, end)) continue;
      if (isWordish(text, s - 1) || isWordish(text, end)) continue;
      const hit = this.#fit(text.slice(s, end));
      if (hit >= 0) out.push([hit, s, end]);
    }
    return out;
  }

  /** The earliest-added entry that fits, as a scan of all same-letter entries in order would find. */
  #fit(token: string): number {
    let best = -1;
    const shape = this.#byShape.get(token[0] + token.length);
    // A shown second letter narrows the entries to those sharing it (a 100k list has hundreds per shape).
    const second = token.charCodeAt(1);
    const same = shape && (isMaskCode(second) ? shape.all : shape.bySecond.get(second));
    for (const c of same ?? []) {
      if (fits(token, c)) { best = c.entry; break; }
    }
    for (const c of this.#runOn.get(token[0]) ?? []) {
      if (best >= 0 && c.entry > best) break;
      if (c.core.length < token.length && fits(token, c)) { best = c.entry; break; }
    }
    return best;
  }
}

function push<K>(map: Map<K, MaskCandidate[]>, key: K, candidate: MaskCandidate): void {
  const list = map.get(key);
  if (list) list.push(candidate); else map.set(key, [candidate]);
}

function isMaskCode(c: number): boolean { return c < 128 && IS_MASK[c] === 1; }

function hasMaskCode(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isMaskCode(text.charCodeAt(i))) return true;
  return false;
}

/** Same length as the entry (each symbol hides one letter), ≥ 2 letters shown, symbols inside the entry. */
function fits(token: string, c: MaskCandidate): boolean {
  const n = c.core.length;
  if (token.length < n || (token.length > n && !c.extendRight)) return false;
  let shown = 0;
  let hidden = 0;
  for (let i = 0; i < n; i++) {
    const t = token.charCodeAt(i);
    if (isMaskCode(t)) hidden++;
    else if (t === c.core.charCodeAt(i)) shown++;
    else return false;
  }
  if (hasMaskCode(token, n, token.length)) return false;
  return hidden > 0 && shown >= 2 && hidden <= n - 2;
}
