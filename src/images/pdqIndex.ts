// Finds PDQ hashes within a Hamming distance among up to millions, by multi-index hashing: the 256
// bits are cut into 16 chunks of 16 bits, and a hash within distance d of the query agrees with it
// on some chunk to within ⌊d/16⌋ bits (pigeonhole). So a search reads, for each chunk, the buckets
// of the query's chunk value and of its neighbours within that many bits, and checks only those
// candidates bit by bit. At the default distance (31) that is 16 × 17 bucket reads, a few thousand
// candidates among a million random hashes. Built once from all hashes (lists recompile on change).

import { popcount } from './pdq.js';

const WORDS = 8;
const CHUNKS = 16;
const BUCKETS = 1 << 16;

/**
 * A hash as eight 32-bit words, most significant (first hex digits) first. Signed, so every value
 * read back stays a small integer in V8 (an unsigned word above 2³¹ would be boxed as a double).
 */
export function hashWords(hex: string, out = new Int32Array(WORDS)): Int32Array {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError(`not a 256-bit hex hash: ${hex.slice(0, 70)}`);
  for (let w = 0; w < WORDS; w++) out[w] = parseInt(hex.slice(w * 8, w * 8 + 8), 16) | 0;
  return out;
}


export interface IndexHit { id: number; distance: number }

/**
 * A posting holds the hash's id and three of its words: the word the chunk lies in and the next
 * two. Their distance to the query (96 bits) bounds the whole distance from below, and for an
 * unrelated hash it is about 48, so nearly every candidate is ruled out from the posting itself
 * and only near ones cost a read of the whole hash elsewhere in memory.
 */
const POSTING = 4;

export class PdqIndex {
  readonly size: number;
  readonly #words: Int32Array;
  /** Per chunk: where each bucket's postings begin (BUCKETS + 1 offsets, in postings). */
  readonly #starts: Uint32Array[] = [];
  /** Per chunk: POSTING int32s per posting (id, then three words of the hash). */
  readonly #postings: Int32Array[] = [];

  /** `hashes[i]` gets id i. */
  constructor(hashes: readonly string[]) {
    const n = hashes.length;
    this.size = n;
    const words = new Int32Array(n * WORDS);
    const one = new Int32Array(WORDS);
    for (let i = 0; i < n; i++) words.set(hashWords(hashes[i], one), i * WORDS);
    this.#words = words;
    for (let c = 0; c < CHUNKS; c++) {
      const starts = new Uint32Array(BUCKETS + 1);
      for (let i = 0; i < n; i++) starts[chunkOf(words, i * WORDS, c) + 1]++;
      for (let b = 0; b < BUCKETS; b++) starts[b + 1] += starts[b];
      const fill = starts.slice(0, BUCKETS);
      const postings = new Int32Array(n * POSTING);
      const w = c >> 1;
      for (let i = 0; i < n; i++) {
        const at = fill[chunkOf(words, i * WORDS, c)]++ * POSTING;
        postings[at] = i;
        postings[at + 1] = words[i * WORDS + w];
        postings[at + 2] = words[i * WORDS + ((w + 1) & 7)];
        postings[at + 3] = words[i * WORDS + ((w + 2) & 7)];
      }
      this.#starts.push(starts);
      this.#postings.push(postings);
    }
  }

  /** Memory the index holds: 32 bytes a hash plus 16 postings of 16 bytes. */
  get bytes(): number {
    return this.#words.byteLength + this.#postings.reduce((sum, p) => sum + p.byteLength, 0) + this.#starts.reduce((sum, s) => sum + s.byteLength, 0);
  }

  /** Every hash within `maxDistance` bits of the query (0–255), nearest first. */
  search(hex: string, maxDistance: number): IndexHit[] {
    return this.searchWords(hashWords(hex), maxDistance);
  }

  searchWords(query: Int32Array, maxDistance: number): IndexHit[] {
    const hits: IndexHit[] = [];
    if (this.size === 0 || maxDistance < 0) return hits;
    const radius = Math.floor(maxDistance / CHUNKS);
    const words = this.#words;
    const found = new Set<number>();
    for (let c = 0; c < CHUNKS; c++) {
      const starts = this.#starts[c];
      const postings = this.#postings[c];
      const w = c >> 1;
      const qa = query[w];
      const qb = query[(w + 1) & 7];
      const qc = query[(w + 2) & 7];
      forEachNeighbour(chunkOf(query, 0, c), radius, (bucket) => {
        const end = starts[bucket + 1] * POSTING;
        for (let p = starts[bucket] * POSTING; p < end; p += POSTING) {
          if (popcount(postings[p + 1] ^ qa) + popcount(postings[p + 2] ^ qb) + popcount(postings[p + 3] ^ qc) > maxDistance) continue;
          const id = postings[p];
          if (found.has(id)) continue;
          const at = id * WORDS;
          let d = 0;
          for (let k = 0; k < WORDS; k++) d += popcount(words[at + k] ^ query[k]);
          // A near hash shares several chunks with the query: it is checked once.
          found.add(id);
          if (d <= maxDistance) hits.push({ id, distance: d });
        }
      });
    }
    return hits.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }
}

/** Chunk c (0 = the first 16 bits) of the hash whose words begin at `at`. */
function chunkOf(words: Int32Array, at: number, c: number): number {
  const word = words[at + (c >> 1)];
  return (c & 1) === 0 ? word >>> 16 : word & 0xffff;
}

/** Calls `visit` for the value and every 16-bit value within `radius` bits of it. */
function forEachNeighbour(value: number, radius: number, visit: (v: number) => void, from = 0): void {
  visit(value);
  if (radius === 0) return;
  for (let bit = from; bit < 16; bit++) forEachNeighbour(value ^ (1 << bit), radius - 1, visit, bit + 1);
}
