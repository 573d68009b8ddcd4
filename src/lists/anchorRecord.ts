// Where the anchor literals of regex rules turned up in one text. Rules share anchor sets: sixty
// lexicon patterns say "{group}", dozens begin with "i". A set is numbered once at compile time,
// each hit is filed once per set its literal belongs to, and a set's hits are sorted at most once
// per text, however many rules read them.

import type { AnchorHit } from './regexRule.js';

/** Numbers the distinct anchor sets at compile time and remembers which sets each regex needs. */
export class AnchorSets {
  readonly #ids = new Map<string, number>();
  readonly #byRegex: number[][] = [];

  /** The set's number; `fresh` is true the first time the set is seen (its literals must be registered). */
  id(key: string): { id: number; fresh: boolean } {
    const known = this.#ids.get(key);
    if (known !== undefined) return { id: known, fresh: false };
    const id = this.#ids.size;
    this.#ids.set(key, id);
    return { id, fresh: true };
  }

  /** Regex `regex` needs a hit of each of these sets, the start set first. */
  assign(regex: number, sets: readonly number[]): void { this.#byRegex[regex] = [...sets]; }

  get size(): number { return this.#ids.size; }

  /** The sets of the regex, set 0 first. */
  of(regex: number): readonly number[] { return this.#byRegex[regex] ?? []; }
}

/** A set's hits in one text, ascending by start. */
export interface SortedHits { readonly start: readonly number[]; readonly end: readonly number[] }

const NONE: SortedHits = { start: [], end: [] };

/** The anchor hits of one text, as linked lists per set. */
export class AnchorRecord {
  readonly #head: Int32Array;
  readonly #next: number[] = [];
  readonly #start: number[] = [];
  readonly #end: number[] = [];
  readonly #sorted = new Map<number, SortedHits>();

  constructor(sets: number) { this.#head = new Int32Array(sets).fill(-1); }

  add(sets: readonly number[], start: number, end: number): void {
    for (const q of sets) {
      const k = this.#start.length;
      this.#next.push(this.#head[q]);
      this.#start.push(start);
      this.#end.push(end);
      this.#head[q] = k;
    }
  }

  /** True when every one of the sets was hit at least once. */
  hasAll(sets: readonly number[]): boolean {
    for (const q of sets) if (this.#head[q] < 0) return false;
    return true;
  }

  /** The set's hits ascending by start (worked out once per text). */
  sorted(set: number): SortedHits {
    if (this.#head[set] < 0) return NONE;
    let hits = this.#sorted.get(set);
    if (hits) return hits;
    const order: number[] = [];
    for (let k = this.#head[set]; k >= 0; k = this.#next[k]) order.push(k);
    order.reverse(); // filed newest first: nearly ascending already
    if (!isAscending(order, this.#start)) order.sort((a, b) => this.#start[a] - this.#start[b]);
    hits = { start: order.map((k) => this.#start[k]), end: order.map((k) => this.#end[k]) };
    this.#sorted.set(set, hits);
    return hits;
  }

  /** The hits of the sets, each tagged with its position in `sets` as its set. */
  hits(sets: readonly number[]): AnchorHit[] {
    const out: AnchorHit[] = [];
    sets.forEach((q, set) => {
      const { start, end } = this.sorted(q);
      for (let k = 0; k < start.length; k++) out.push({ set, start: start[k], end: end[k] });
    });
    return out;
  }
}

/** True when `values` read in the order of `indices` never decreases. */
function isAscending(indices: readonly number[], values: readonly number[]): boolean {
  for (let k = 1; k < indices.length; k++) if (values[indices[k]] < values[indices[k - 1]]) return false;
  return true;
}
