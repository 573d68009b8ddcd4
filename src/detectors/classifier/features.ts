// Hashed features of folded text (the lexicon's normalisation, so "fvck", spaced letters,
// homoglyphs and traditional characters read as their plain forms): character 2–4-grams across
// the whole text, single CJK characters, and word unigrams and bigrams of spaced scripts.
// Script-agnostic, no vocabulary: every feature hashes into DIMENSIONS buckets with a sign.
// One pass, rolling hashes, a small reused hash table.

import { maskIdentities } from './identity.js';

export const FEATURE_BITS = 17;
export const DIMENSIONS = 1 << FEATURE_BITS;
const MASK = DIMENSIONS - 1;

/** Sparse, L2-normalised: `index[k]` (bucket) carries `value[k]`, for k < length. */
export interface Features { index: Int32Array; value: Float32Array; length: number }

const SEED_CHARS = 0x811c9dc5;
const SEED_CJK = 0x9e3779b1;
const SEED_WORD = 0xc2b2ae35;
const SEED_PAIR = 0x27d4eb2f;
const PRIME = 0x01000193;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}

function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || (c >= 0xc0 && c < 0x2e80 && c !== 0x2019);
}

function isCjk(c: number): boolean { return c >= 0x2e80 && c <= 0x9fff; }

function isSpace(c: number): boolean { return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000; }

/**
 * Summed signs per bucket while one text is hashed: a small open-addressing table (a text has a
 * few thousand features), so the work stays in cache instead of touching a 2¹⁸-entry row.
 */
let keys = new Int32Array(8192).fill(-1);
let sums = new Float32Array(8192);
let order = new Int32Array(8192);
let count = 0;

function add(h: number): void {
  const idx = (h >>> 8) & MASK;
  const mask = keys.length - 1;
  let slot = Math.imul(idx, 0x9e3779b1) >>> 0 & mask;
  while (keys[slot] !== idx) {
    if (keys[slot] === -1) {
      keys[slot] = idx;
      order[count++] = slot;
      break;
    }
    slot = (slot + 1) & mask;
  }
  sums[slot] += h < 0 ? -1 : 1;
  if (count * 2 > keys.length) grow();
}

function grow(): void {
  const oldKeys = keys;
  const oldSums = sums;
  const oldOrder = order.subarray(0, count);
  keys = new Int32Array(oldKeys.length * 2).fill(-1);
  sums = new Float32Array(keys.length);
  order = new Int32Array(keys.length);
  const mask = keys.length - 1;
  const n = count;
  count = 0;
  for (let k = 0; k < n; k++) {
    const idx = oldKeys[oldOrder[k]];
    let slot = Math.imul(idx, 0x9e3779b1) >>> 0 & mask;
    while (keys[slot] !== -1) slot = (slot + 1) & mask;
    keys[slot] = idx;
    sums[slot] = oldSums[oldOrder[k]];
    order[count++] = slot;
  }
}

/** The text as hashed (spaces collapsed), reused between calls. */
let units = new Uint16Array(4096);

/** 1 + ln k for the small counts that make up nearly every feature. */
const ONE_PLUS_LOG = Float64Array.from({ length: 64 }, (_, k) => (k === 0 ? 0 : 1 + Math.log(k)));

/** The features of already folded text (NormalizedText.text), identity words masked. */
export function featurize(folded: string): Features {
  const text = maskIdentities(folded);
  const n = text.length;
  count = 0;
  // Character n-grams over the text with each run of spaces read as one, padded by a space.
  let prev2 = 32;
  let prev1 = 32;
  let prev0 = 32;
  let last = 32;
  if (units.length < n + 1) units = new Uint16Array(2 * n + 2);
  let u = 0;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 32;
    if (isSpace(c)) { if (last === 32) continue; c = 32; }
    last = c;
    units[u++] = c;
    if (isCjk(c)) add(mix(Math.imul(SEED_CJK ^ c, PRIME)));
    // The n-grams that end at c: (prev0 c), (prev1 prev0 c), (prev2 prev1 prev0 c).
    const h1 = Math.imul(SEED_CHARS ^ prev0, PRIME);
    add(mix(Math.imul(h1 ^ c, PRIME)));
    const h2 = Math.imul(Math.imul(SEED_CHARS ^ prev1, PRIME) ^ prev0, PRIME);
    add(mix(Math.imul(h2 ^ c, PRIME) ^ 0x3));
    const h3 = Math.imul(Math.imul(Math.imul(SEED_CHARS ^ prev2, PRIME) ^ prev1, PRIME) ^ prev0, PRIME);
    add(mix(Math.imul(h3 ^ c, PRIME) ^ 0x4));
    prev2 = prev1;
    prev1 = prev0;
    prev0 = c;
  }
  // Words and word pairs.
  let before = 0;
  let hasBefore = false;
  for (let i = 0; i < u;) {
    if (!isWordUnit(units[i])) { i++; continue; }
    let h = SEED_WORD;
    for (; i < u && isWordUnit(units[i]); i++) h = Math.imul(h ^ units[i], PRIME);
    const word = mix(h);
    add(word);
    if (hasBefore) add(mix(Math.imul(before, 31) ^ word ^ SEED_PAIR));
    before = word;
    hasBefore = true;
  }
  return collect();
}

/** Signed counts → sign · (1 + ln |count|), L2-normalised, in first-seen order; the table is cleared. */
function collect(): Features {
  const index = new Int32Array(count);
  const value = new Float32Array(count);
  let length = 0;
  let norm = 0;
  for (let k = 0; k < count; k++) {
    const slot = order[k];
    const idx = keys[slot];
    const s = sums[slot];
    keys[slot] = -1;
    sums[slot] = 0;
    if (s === 0) continue;
    const a = (s < 0 ? -s : s) | 0;
    const v = a < 64 ? ONE_PLUS_LOG[a] : 1 + Math.log(a);
    index[length] = idx;
    value[length++] = s < 0 ? -v : v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < length; k++) value[k] *= scale;
  return { index, value, length };
}
