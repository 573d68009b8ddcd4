// Hashed features of folded text (the lexicon's normalisation, so "fvck", spaced letters,
// homoglyphs and traditional characters read as their plain forms): character 2–4-grams across
// the whole text, single characters of CJK scripts, and word unigrams and bigrams of spaced
// scripts. Script-agnostic, no vocabulary: every feature hashes into DIMENSIONS buckets with a sign.

import { maskIdentities } from './identity.js';

export const FEATURE_BITS = 18;
export const DIMENSIONS = 1 << FEATURE_BITS;
const MASK = DIMENSIONS - 1;

/** Sparse, L2-normalised: `index[k]` (bucket) carries `value[k]`, for k < length. */
export interface Features { index: Int32Array; value: Float32Array; length: number }

const KIND_CHARS = 0x9e3779b1;
const KIND_CJK = 0x85ebca6b;
const KIND_WORD = 0xc2b2ae35;
const KIND_PAIR = 0x27d4eb2f;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over text[from, to), seeded. */
function hashRange(text: string, from: number, to: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || (c >= 0xc0 && c < 0x2e80 && c !== 0x2019);
}

function isCjk(c: number): boolean { return c >= 0x2e80 && c <= 0x9fff; }

/** The features of already folded text (NormalizedText.text), identity words masked. */
export function featurize(folded: string): Features {
  const text = ` ${maskIdentities(folded).replace(/\s+/g, ' ').trim()} `;
  const hashes: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) hashes.push(hashRange(text, i, i + 1, KIND_CJK));
    for (let len = 2; len <= 4 && i + len <= n; len++) hashes.push(hashRange(text, i, i + len, KIND_CHARS + len));
  }
  let prev = -1;
  for (let i = 0; i < n;) {
    if (!isWordUnit(text.charCodeAt(i))) { i++; continue; }
    let e = i + 1;
    while (e < n && isWordUnit(text.charCodeAt(e))) e++;
    const word = hashRange(text, i, e, KIND_WORD);
    hashes.push(word);
    if (prev >= 0) hashes.push(mix((Math.imul(prev, 31) ^ word ^ KIND_PAIR) >>> 0));
    prev = word;
    i = e;
  }
  return toSparse(hashes);
}

/** Counts per signed bucket → (1 + log count), L2-normalised. */
function toSparse(hashes: number[]): Features {
  const sorted = Uint32Array.from(hashes).sort();
  const index = new Int32Array(sorted.length);
  const value = new Float32Array(sorted.length);
  let length = 0;
  let norm = 0;
  for (let k = 0; k < sorted.length;) {
    let e = k + 1;
    while (e < sorted.length && sorted[e] === sorted[k]) e++;
    const v = (1 + Math.log(e - k)) * (sorted[k] & 0x80000000 ? -1 : 1);
    index[length] = (sorted[k] >>> 8) & MASK;
    value[length++] = v;
    norm += v * v;
    k = e;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < length; k++) value[k] *= scale;
  return { index, value, length };
}
