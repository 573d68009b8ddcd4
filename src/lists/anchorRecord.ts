// Where the anchor literals of regex rules turned up in one text. A literal may stand in for many
// (regex, anchor set) pairs ("i" begins dozens of lexicon patterns): each hit is filed once per
// pair in flat arrays, read in place by sticky tries; only window scans get their hits as objects.

import type { AnchorHit } from './regexRule.js';

/** Numbers the (regex, anchor set) pairs at compile time. */
export class AnchorPairs {
  readonly #byRegex: number[][] = [];
  #count = 0;

  /** The index of the pair: set `set` of regex `regex` (numbered on first use). */
  index(regex: number, set: number): number {
    const sets = (this.#byRegex[regex] ??= []);
    return (sets[set] ??= this.#count++);
  }

  get size(): number { return this.#count; }

  /** The pair index of each anchor set of the regex, set 0 first. */
  of(regex: number): readonly number[] { return this.#byRegex[regex] ?? []; }
}

/** The anchor hits of one text, as linked lists per pair. */
export class AnchorRecord {
  readonly #head: Int32Array;
  readonly #next: number[] = [];
  readonly #start: number[] = [];
  readonly #end: number[] = [];

  constructor(pairs: number) { this.#head = new Int32Array(pairs).fill(-1); }

  add(pairs: readonly number[], start: number, end: number): void {
    for (const q of pairs) {
      const k = this.#start.length;
      this.#next.push(this.#head[q]);
      this.#start.push(start);
      this.#end.push(end);
      this.#head[q] = k;
    }
  }

  /** True when every one of the pairs was hit at least once. */
  hasAll(pairs: readonly number[]): boolean {
    for (const q of pairs) if (this.#head[q] < 0) return false;
    return true;
  }

  /** The first hit filed for the pair (the latest found), or -1; walk on with `next`. */
  head(pair: number): number { return this.#head[pair]; }
  next(k: number): number { return this.#next[k]; }
  start(k: number): number { return this.#start[k]; }
  end(k: number): number { return this.#end[k]; }

  /** The hits of the pairs, each tagged with its position in `pairs` as its set. */
  hits(pairs: readonly number[]): AnchorHit[] {
    const out: AnchorHit[] = [];
    pairs.forEach((q, set) => {
      for (let k = this.#head[q]; k >= 0; k = this.#next[k]) out.push({ set, start: this.#start[k], end: this.#end[k] });
    });
    return out;
  }
}
