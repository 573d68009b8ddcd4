// Aho-Corasick over UTF-16 code units, laid out in typed arrays so 100k entries build in well
// under a second and a scan costs a few array reads per code unit (bench/matcher.ts measures).

/** Called for every pattern that ends at `end` (exclusive); return true to stop the scan. */
export type OnMatch = (pattern: number, end: number) => boolean | void;

const ROOT = 0;
const ASCII = 128;
/** Cells of complete ASCII transitions to build (256 KB of Int32): see #asciiStatesBreadthFirst. */
const DENSE_CELLS = 1 << 16;

/**
 * A state's record in `#node`, four Int32 side by side so a step into a cold state touches one
 * cache line (a 100k-entry list is megabytes and other detectors evict it between texts):
 * first edge, dense row (-1: none), failure link, output (the state itself when a pattern ends
 * there, else the nearest proper suffix state with a pattern, 0 = none). The record after the
 * last state holds only the edge count, so state s's edges are [node[4s], node[4s + 4]).
 */
const STRIDE = 4;
const FIRST_EDGE = 0;
const DENSE_ROW = 1;
const FAIL = 2;
const OUTPUT = 3;

export class AhoCorasick {
  readonly patterns: readonly string[];
  /** Dense goto of the root: the state after reading code unit c from the root (0 = stay). */
  #rootNext = new Int32Array(65536);
  #node: Int32Array;
  /** Edges as (code unit, target state) pairs, each state's sorted by code unit. */
  #edges: Int32Array;
  /** Pattern ending exactly at this state, or -1. */
  #term: Int32Array;
  /** Nearest proper suffix state with a pattern (0 = none): the rest of an output chain. */
  #dict: Int32Array;
  /**
   * Complete transitions (failure links already followed) on ASCII for the shallowest states
   * reached by ASCII, where a scan spends most of its steps (#asciiStatesBreadthFirst). Columns
   * are the ASCII code units the patterns use (`#column`, 0 for any other, which always leads
   * back to the root), so a row stays small: row × #width + column.
   */
  #dense: Int32Array | Int16Array;
  #column = new Uint8Array(ASCII);
  #width = 1;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    const order = patterns.map((_, i) => i).filter((i) => patterns[i].length > 0);
    order.sort((a, b) => (patterns[a] < patterns[b] ? -1 : patterns[a] > patterns[b] ? 1 : 0));
    const trie = buildSortedTrie(patterns, order);
    const n = trie.nodes;
    this.#term = trie.term;
    this.#node = new Int32Array((n + 1) * STRIDE);
    this.#edges = new Int32Array(trie.edges * 2);
    // Children of each node, in creation order: sorted by code unit because input was sorted.
    const node = this.#node;
    for (let e = 0; e < trie.edges; e++) node[(trie.parent[e] + 1) * STRIDE]++;
    for (let i = 0; i < n; i++) node[(i + 1) * STRIDE] += node[i * STRIDE];
    const fill = new Int32Array(n);
    for (let i = 0; i < n; i++) fill[i] = node[i * STRIDE];
    for (let e = 0; e < trie.edges; e++) {
      const at = fill[trie.parent[e]]++;
      this.#edges[2 * at] = trie.char[e];
      this.#edges[2 * at + 1] = trie.child[e];
    }
    for (let e = node[FIRST_EDGE]; e < node[STRIDE]; e++) this.#rootNext[this.#edges[2 * e]] = this.#edges[2 * e + 1];
    this.#dict = new Int32Array(n);
    this.#linkFailures(n);
    for (let s = 0; s < n; s++) node[s * STRIDE + OUTPUT] = this.#term[s] >= 0 ? s : this.#dict[s];
    this.#dense = this.#denseAsciiRows(n);
  }

  get size(): number { return this.#dict.length; }

  /** Child of `state` on code unit c, or -1. Few children: linear; many: binary search. */
  #goto(state: number, c: number): number {
    if (state === ROOT) return this.#rootNext[c];
    const node = this.#node;
    const edges = this.#edges;
    let lo = node[state * STRIDE + FIRST_EDGE];
    let hi = node[(state + 1) * STRIDE + FIRST_EDGE];
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (edges[2 * lo] === c) return edges[2 * lo + 1];
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = edges[2 * mid];
      if (m === c) return edges[2 * mid + 1];
      if (m < c) lo = mid + 1; else hi = mid;
    }
    return -1;
  }

  #fail(state: number): number { return this.#node[state * STRIDE + FAIL]; }

  #children(u: number): [number, number] {
    return [this.#node[u * STRIDE + FIRST_EDGE], this.#node[(u + 1) * STRIDE + FIRST_EDGE]];
  }

  #linkFailures(n: number): void {
    const node = this.#node;
    const edges = this.#edges;
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    const [r0, r1] = this.#children(ROOT);
    for (let e = r0; e < r1; e++) queue[tail++] = edges[2 * e + 1];
    while (head < tail) {
      const u = queue[head++];
      const [e0, e1] = this.#children(u);
      for (let e = e0; e < e1; e++) {
        const v = edges[2 * e + 1];
        const c = edges[2 * e];
        let f = this.#fail(u);
        let t = this.#goto(f, c);
        while (t < 0) { f = this.#fail(f); t = this.#goto(f, c); }
        const fv = t === v ? ROOT : t;
        node[v * STRIDE + FAIL] = fv;
        this.#dict[v] = this.#term[fv] >= 0 ? fv : this.#dict[fv];
        queue[tail++] = v;
      }
    }
  }

  #denseAsciiRows(n: number): Int32Array | Int16Array {
    const node = this.#node;
    const edges = this.#edges;
    for (let e = 0; e < edges.length; e += 2) {
      const c = edges[e];
      if (c < ASCII && this.#column[c] === 0) this.#column[c] = this.#width++;
    }
    for (let s = 0; s < n; s++) node[s * STRIDE + DENSE_ROW] = -1;
    const order = this.#asciiStatesBreadthFirst();
    const width = this.#width;
    // Half the bytes, so more of the table stays in cache, when every state number fits.
    const dense = n <= 0x7fff ? new Int16Array(order.length * width) : new Int32Array(order.length * width);
    order.forEach((u, row) => { node[u * STRIDE + DENSE_ROW] = row; });
    for (const u of order) {
      const row = node[u * STRIDE + DENSE_ROW] * width;
      const f = this.#fail(u);
      for (let c = 0; c < ASCII; c++) {
        const col = this.#column[c];
        if (col === 0) continue; // column 0 stays ROOT: no pattern holds c
        const t = this.#goto(u, c);
        dense[row + col] = t >= 0 ? t : f === ROOT ? this.#rootNext[c] : dense[node[f * STRIDE + DENSE_ROW] * width + col];
      }
    }
    return dense;
  }

  /**
   * The states reached from the root by ASCII alone, shallowest first, as many as DENSE_CELLS
   * allows (always every state one or two deep). A small list becomes a complete DFA on ASCII; a
   * large one keeps the table small enough to stay in cache. Shallower first matters: a state's
   * failure link points to a shallower ASCII state (or the root), whose row is then already built.
   */
  #asciiStatesBreadthFirst(): number[] {
    const edges = this.#edges;
    const rows = Math.floor(DENSE_CELLS / this.#width);
    const order: number[] = [];
    const depth: number[] = [];
    let head = 0;
    const visit = (u: number, d: number) => {
      const [e0, e1] = this.#children(u);
      for (let e = e0; e < e1; e++) {
        if (edges[2 * e] >= ASCII) continue;
        order.push(edges[2 * e + 1]);
        depth.push(d);
      }
    };
    visit(ROOT, 1);
    while (head < order.length && (order.length < rows || depth[head] < 2)) {
      visit(order[head], depth[head] + 1);
      head++;
    }
    const full = order.length <= rows ? order.length : Math.max(rows, depth.lastIndexOf(2) + 1);
    return order.slice(0, full);
  }

  /**
   * Reports every (pattern, end) occurrence in text[from, to), overlapping ones included. With
   * `spaces`, every run of whitespace reads as one ' ' (the caller recovers where a hit starts).
   */
  scan(text: string, onMatch: OnMatch, from = 0, to = text.length, spaces: Uint8Array | null = null): void {
    const term = this.#term;
    const dict = this.#dict;
    const node = this.#node;
    const rootNext = this.#rootNext;
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
      else {
        let row = node[s * STRIDE + DENSE_ROW];
        if (c < ASCII && row >= 0) s = dense[row * width + column[c]];
        else {
          let t = this.#goto(s, c);
          while (t < 0) {
            s = node[s * STRIDE + FAIL];
            if (s === ROOT) { t = rootNext[c]; break; }
            row = node[s * STRIDE + DENSE_ROW];
            if (c < ASCII && row >= 0) { t = dense[row * width + column[c]]; break; }
            t = this.#goto(s, c);
          }
          s = t;
        }
      }
      if (s === ROOT) continue;
      let o = node[s * STRIDE + OUTPUT];
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
