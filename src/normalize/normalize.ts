// normalizeForMatching: the stages in order, and the result with its map back to the original.
// Order matters: letters must be plain lower-case before spaced-out words are joined, joined
// before leet is read in context, and leet read before a word's scripts are judged.
import { toSimplifiedChinese } from './chinese.js';
import { foldText } from './fold.js';
import { createFolding } from './folding.js';
import type { Folding } from './folding.js';
import { foldLeet } from './leet.js';
import { foldHomoglyphWords } from './scripts.js';
import { joinSpacedLetters } from './separators.js';
import { collapseStretches } from './stretch.js';
import type { NormalizedText } from './types.js';

/** A folded text and, for each of its code units, the original range it came from. */
export class Normalized implements NormalizedText {
  constructor(
    readonly original: string,
    readonly text: string,
    readonly start: Int32Array,
    readonly end: Int32Array,
  ) {}

  toOriginal(start: number, end: number): { start: number; end: number } {
    const n = this.text.length;
    const s = Math.min(Math.max(Math.trunc(start) || 0, 0), n);
    const e = Math.min(Math.max(Math.trunc(end) || 0, s), n);
    if (s === e) {
      const at = s < n ? this.start[s] : this.original.length;
      return { start: at, end: at };
    }
    return { start: this.start[s], end: this.end[e - 1] };
  }
}

const CHUNK = 8192;

function decode(units: Uint16Array | Int32Array): string {
  let text = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return text;
}

/** Turns code points into UTF-16 code units; both halves of a pair map to the same range. */
function toResult(original: string, f: Folding): NormalizedText {
  const { cp: cps, start, end } = f;
  let length = f.length;
  for (let k = 0; k < f.length; k++) if (cps[k] > 0xffff) length++;
  if (length === f.length) {
    return Object.freeze(new Normalized(original, decode(cps.subarray(0, length)), start.subarray(0, length), end.subarray(0, length)));
  }
  const units = new Uint16Array(length);
  const from = new Int32Array(length);
  const to = new Int32Array(length);
  let u = 0;
  for (let k = 0; k < f.length; k++) {
    const cp = cps[k];
    if (cp > 0xffff) {
      units[u] = 0xd800 + ((cp - 0x10000) >> 10);
      from[u] = start[k];
      to[u] = end[k];
      u++;
      units[u] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else units[u] = cp;
    from[u] = start[k];
    to[u] = end[k];
    u++;
  }
  return Object.freeze(new Normalized(original, decode(units), from, to));
}

/**
 * Folds text for matching against lexicons and keyword lists (which are folded the same way),
 * keeping for every code unit of the result the range of the original it came from.
 */
export function normalizeForMatching(text: string): NormalizedText {
  const f = createFolding(text.length + 16);
  foldText(text, f);
  joinSpacedLetters(f);
  foldLeet(f);
  foldHomoglyphWords(f);
  collapseStretches(f);
  toSimplifiedChinese(f);
  return toResult(text, f);
}
