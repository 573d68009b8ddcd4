// Aho-Corasick over UTF-16 code units, laid out in typed arrays so 100k entries build in well
// under a second and a scan costs a few array reads per code unit (bench/matcher.ts measures).

/** Called for every pattern that ends at `end` (exclusive); return true to stop the scan. */
export type OnMatch = (pattern: number, end: number) => boolean | void;

const ROOT = 0;
const ASCII = 128;

export class AhoCorasick {
  readonly patterns: readonly string[];
  /** Dense goto of the root: the state after reading code unit c from the root (0 = stay). */
  #rootNext = new Int32Array(65536);
  #edgeStart: Int32Array;
  #edgeChar: Uint16Array;
  #edgeTo: Int32Array;
  #fail: Int32Array;
  /** Pattern ending exactly at this state, or -1. */
  #term: Int32Array;
  /** Nearest proper suffix state with a pattern (0 = none). */
  #dict: Int32Array;
  /**
   * Complete transitions (failure links already followed) on ASCII for the states one or two
   * ASCII code units deep, where a scan spends most of its steps. Columns are the ASCII code units
   * the patterns use (`#column`, 0 for any other, which always leads back to the root), so a row
   * stays small: row × #width + column, or -1 in `#denseRow` (no row).
   */
  #denseRow: Int32Array;
  #dense: Int32Array;
  #column = new Uint8Array(ASCII);
  #width = 1;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    const order = patterns.map((_, i) => i).filter((i) => patterns[i].length > 0);
    order.sort((a, b) => (patterns[a] < patterns[b] ? -1 : patterns[a] > patterns[b] ? 1 : 0));
    const trie = buildSortedTrie(patterns, order);
    const n = trie.nodes;
    this.#term = trie.term;
    // Children of each node, in creation order: sorted by code unit because input was sorted.
    this.#edgeStart = new Int32Array(n + 1);
    for (let e = 0; e < trie.edges; e++) this.#edgeStart[trie.parent[e] + 1]++;
    for (let i = 0; i < n; i++) this.#edgeStart[i + 1] += this.#edgeStart[i];
    const fill = this.#edgeStart.slice(0, n);
    this.#edgeChar = new Uint16Array(trie.edges);
    this.#edgeTo = new Int32Array(trie.edges);
    for (let e = 0; e < trie.edges; e++) {
      const at = fill[trie.parent[e]]++;
      this.#edgeChar[at] = trie.char[e];
      this.#edgeTo[at] = trie.child[e];
    }
    for (let e = this.#edgeStart[ROOT]; e < this.#edgeStart[ROOT + 1]; e++) this.#rootNext[this.#edgeChar[e]] = this.#edgeTo[e];
    this.#fail = new Int32Array(n);
    this.#dict = new Int32Array(n);
    this.#linkFailures(n);
    [this.#denseRow, this.#dense] = this.#denseAsciiRows(n);
  }

  get size(): number { return this.#fail.length; }

  /** Child of `state` on code unit c, or -1. Few children: linear; many: binary search. */
  #goto(state: number, c: number): number {
    if (state === ROOT) return this.#rootNext[c];
    let lo = this.#edgeStart[state];
    let hi = this.#edgeStart[state + 1];
    const chars = this.#edgeChar;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (chars[lo] === c) return this.#edgeTo[lo];
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = chars[mid];
      if (m === c) return this.#edgeTo[mid];
      if (m < c) lo = mid + 1; else hi = mid;
    }
    return -1;
  }

  #linkFailures(n: number): void {
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let e = this.#edgeStart[ROOT]; e < this.#edgeStart[ROOT + 1]; e++) queue[tail++] = this.#edgeTo[e];
    while (head < tail) {
      const u = queue[head++];
      for (let e = this.#edgeStart[u]; e < this.#edgeStart[u + 1]; e++) {
        const v = this.#edgeTo[e];
        const c = this.#edgeChar[e];
        let f = this.#fail[u];
        let t = this.#goto(f, c);
        while (t < 0) { f = this.#fail[f]; t = this.#goto(f, c); }
        this.#fail[v] = t === v ? ROOT : t;
        const fv = this.#fail[v];
        this.#dict[v] = this.#term[fv] >= 0 ? fv : this.#dict[fv];
        queue[tail++] = v;
      }
    }
  }

  #denseAsciiRows(n: number): [Int32Array, Int32Array] {
    for (let e = 0; e < this.#edgeChar.length; e++) {
      const c = this.#edgeChar[e];
      if (c < ASCII && this.#column[c] === 0) this.#column[c] = this.#width++;
    }
    const rowOf = new Int32Array(n).fill(-1);
    const depth1: number[] = [];
    const depth2: number[] = [];
    for (let e = this.#edgeStart[ROOT]; e < this.#edgeStart[ROOT + 1]; e++) {
      if (this.#edgeChar[e] >= ASCII) continue;
      const u = this.#edgeTo[e];
      depth1.push(u);
      for (let f = this.#edgeStart[u]; f < this.#edgeStart[u + 1]; f++) if (this.#edgeChar[f] < ASCII) depth2.push(this.#edgeTo[f]);
    }
    // Shallower rows first: a state's failure link points to a shallower ASCII state (or the root).
    const order = [...depth1, ...depth2];
    order.forEach((u, row) => { rowOf[u] = row; });
    const width = this.#width;
    const dense = new Int32Array(order.length * width);
    for (const u of order) {
      const row = rowOf[u] * width;
      const f = this.#fail[u];
      for (let c = 0; c < ASCII; c++) {
        const col = this.#column[c];
        if (col === 0) continue; // column 0 stays ROOT: no pattern holds c
        const t = this.#goto(u, c);
        dense[row + col] = t >= 0 ? t : f === ROOT ? this.#rootNext[c] : dense[rowOf[f] * width + col];
      }
    }
    return [rowOf, dense];
  }

  /**
   * Reports every (pattern, end) occurrence in text[from, to), overlapping ones included. With
   * `spaces`, every run of whitespace reads as one ' ' (the caller recovers where a hit starts).
   */
  scan(text: string, onMatch: OnMatch, from = 0, to = text.length, spaces: Uint8Array | null = null): void {
    const term = this.#term;
    const dict = this.#dict;
    const fail = this.#fail;
    const rootNext = this.#rootNext;
    const denseRow = this.#denseRow;
    const dense = this.#dense;
    const column = this.#column;
    const width = this.#width;
    let s = ROOT;
    let inSpace = false;
    for (let i = from; i < to; i++) {
      let c = text.charCodeAt(i);
      if (spaces !== null) {
        if (spaces[c] === 1) {
          if (inSpace) continue;
          inSpace = true;
          c = 32;
        } else inSpace = false;
      }
      if (s === ROOT) s = rootNext[c];
      else if (c < ASCII && denseRow[s] >= 0) s = dense[denseRow[s] * width + column[c]];
      else {
        let t = this.#goto(s, c);
        while (t < 0) {
          s = fail[s];
          if (s === ROOT) { t = rootNext[c]; break; }
          if (c < ASCII && denseRow[s] >= 0) { t = dense[denseRow[s] * width + column[c]]; break; }
          t = this.#goto(s, c);
        }
        s = t;
      }
      if (s === ROOT) continue;
      let o = term[s] >= 0 ? s : dict[s];
      while (o !== ROOT) {
        if (onMatch(term[o], i + 1) === true) return;
        o = dict[o];
      }
    }
  }
}

interface SortedTrie {
  nodes: number; edges: number;
  term: Int32Array; parent: Int32Array; char: Uint16Array; child: Int32Array;
}

/** Builds the trie from patterns visited in sorted order, so no per-node map is ever needed. */
function buildSortedTrie(patterns: readonly string[], order: readonly number[]): SortedTrie {
  let capacity = 1;
  for (const i of order) capacity += patterns[i].length;
  const term = new Int32Array(capacity).fill(-1);
  const parent = new Int32Array(capacity);
  const char = new Uint16Array(capacity);
  const child = new Int32Array(capacity);
  const path = new Int32Array(maxLength(patterns, order) + 1);
  let nodes = 1;
  let edges = 0;
  let prev = '';
  for (const p of order) {
    const word = patterns[p];
    let common = 0;
    const limit = Math.min(word.length, prev.length);
    while (common < limit && word.charCodeAt(common) === prev.charCodeAt(common)) common++;
    for (let k = common; k < word.length; k++) {
      const node = nodes++;
      parent[edges] = path[k];
      char[edges] = word.charCodeAt(k);
      child[edges++] = node;
      path[k + 1] = node;
    }
    const end = path[word.length];
    // Duplicate strings share one state: the first index stands for all (callers group them).
    if (term[end] < 0) term[end] = p;
    prev = word;
  }
  return { nodes, edges, term: term.subarray(0, nodes), parent, char, child };
}

function maxLength(patterns: readonly string[], order: readonly number[]): number {
  let max = 0;
  for (const i of order) max = Math.max(max, patterns[i].length);
  return max;
}
