// Masked spellings ("f*ck", "f**k", "sh#t", "b!tch"): a symbol stands for a letter inside a word.
// Rare in text, so a cheap pre-check guards a small per-token comparison against eligible entries.

const MASK = '*#%_@$!.-';
const IS_MASK = new Uint8Array(128);
for (const ch of MASK) IS_MASK[ch.charCodeAt(0)] = 1;
/** Symbols that may also just end a sentence: trimmed from a token's end. */
const TRAILING = /[.\-!]+$/;

function isLetter(c: number): boolean { return c >= 97 && c <= 122; }
function isTokenCode(c: number): boolean { return isLetter(c) || (c < 128 && IS_MASK[c] === 1); }
function isWordish(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
}

export interface MaskCandidate { entry: number; core: string; extendRight: boolean }

/** Candidates keyed by first letter; an entry is eligible when it is one ASCII word of 3–15 letters. */
export class MaskIndex {
  #byFirst = new Map<string, MaskCandidate[]>();
  #size = 0;

  add(entry: number, core: string, extendRight: boolean): void {
    if (!/^[a-z]{3,15}$/.test(core)) return;
    const list = this.#byFirst.get(core[0]) ?? [];
    list.push({ entry, core, extendRight });
    this.#byFirst.set(core[0], list);
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
      if (c >= 128 || IS_MASK[c] === 0) continue;
      // Grow the run of letters and symbols around this symbol, then trim it to a masked word.
      let s = i;
      while (s > 0 && isTokenCode(text.charCodeAt(s - 1))) s--;
      let e = i + 1;
      while (e < n && isTokenCode(text.charCodeAt(e))) e++;
      i = e;
      while (s < e && !isLetter(text.charCodeAt(s))) s++;
      const token = text.slice(s, e).replace(TRAILING, '');
      if (token.length < 3 || token.length > 30 || isWordish(text, s - 1) || isWordish(text, s + token.length)) continue;
      if (!hasMaskChar(token)) continue;
      const hit = this.#fit(token);
      if (hit >= 0) out.push([hit, s, s + token.length]);
    }
    return out;
  }

  #fit(token: string): number {
    for (const c of this.#byFirst.get(token[0]) ?? []) {
      if (fits(token, c)) return c.entry;
    }
    return -1;
  }
}

function hasMaskChar(token: string): boolean {
  for (let i = 1; i < token.length; i++) if (MASK.includes(token[i])) return true;
  return false;
}

/** Same length as the entry (each symbol hides one letter), ≥ 2 letters shown, symbols inside the entry. */
function fits(token: string, c: MaskCandidate): boolean {
  const n = c.core.length;
  if (token.length < n || (token.length > n && !c.extendRight)) return false;
  let shown = 0;
  let hidden = 0;
  for (let i = 0; i < n; i++) {
    const t = token[i];
    if (MASK.includes(t)) hidden++;
    else if (t === c.core[i]) shown++;
    else return false;
  }
  for (let i = n; i < token.length; i++) if (MASK.includes(token[i])) return false;
  return hidden > 0 && shown >= 2 && hidden <= n - 2;
}
