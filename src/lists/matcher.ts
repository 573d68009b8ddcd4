// The one matching engine behind built-in lexicons and custom lists: many folded entries found
// in one pass, with word boundaries for alphabetic scripts, word-continuation stars and masks.

import type { NormalizedText } from '../normalize/index.js';
import { AhoCorasick } from './ahoCorasick.js';
import { MaskIndex } from './masked.js';
import { isWordAt, wordTable } from './wordBoundary.js';

export interface MatcherEntry<P = unknown> {
  /**
   * Already folded text. A leading '*' lets the match start inside a word ("*fucker"), a trailing
   * '*' lets it run on to the end of the word ("fuck*" → "fucking"). Otherwise an end that is a
   * word character must meet a non-word character (or the text edge) in the folded text.
   */
  pattern: string;
  payload: P;
  /** Also catch masked spellings of this single-word entry ("f*ck", "sh#t"). */
  masked?: boolean;
  /**
   * Word boundaries to check: 'both' (default, as described above), 'start' (only before the
   * match: where a pattern may begin) or 'none' (prefilter anchors found anywhere).
   */
  bounds?: 'both' | 'start' | 'none';
}

export interface MatchHit<P = unknown> {
  payload: P;
  /** The entry as given (compileRules: the rule's value as written). */
  entry: string;
  /** The folded string the automaton matched (a pattern's expanded phrase); absent for regex matches. */
  form?: string;
  /** Range in the folded text. */
  start: number;
  end: number;
  /** Range in the original text, and what it holds. */
  span: { start: number; end: number };
  text: string;
  masked: boolean;
}

export interface Matcher<P = unknown> {
  readonly size: number;
  find(normalized: NormalizedText): MatchHit<P>[];
}

/** Called for every entry found, with its range in the folded text (no original span worked out yet). */
export type RawVisit<P> = (payload: P, entry: number, start: number, end: number, masked: boolean) => void;

export interface RawMatcher<P = unknown> extends Matcher<P> {
  scan(text: string, visit: RawVisit<P>): void;
  /** The hit as `find` reports it, for an entry `scan` visited. */
  hit(normalized: NormalizedText, entry: number, start: number, end: number, masked: boolean): MatchHit<P>;
}

const LEFT = 1;
const RIGHT = 2;
const BOUND_START = 4;
const BOUND_END = 8;

export function compileMatcher<P>(entries: readonly MatcherEntry<P>[]): RawMatcher<P> {
  return new AhoMatcher(entries);
}

class AhoMatcher<P> implements RawMatcher<P> {
  #entries: readonly MatcherEntry<P>[];
  #ac: AhoCorasick;
  #flags: Uint8Array;
  /** First entry per distinct core string, then a chain of further entries with the same core. */
  #first: Int32Array;
  #next: Int32Array;
  #masks = new MaskIndex();

  constructor(entries: readonly MatcherEntry<P>[]) {
    wordTable();
    this.#entries = entries;
    this.#flags = new Uint8Array(entries.length);
    this.#next = new Int32Array(entries.length).fill(-1);
    const cores: string[] = [];
    const firsts: number[] = [];
    const seen = new Map<string, number>();
    const last = new Map<number, number>();
    for (let e = 0; e < entries.length; e++) {
      const { core, flags } = parseEntry(entries[e]);
      this.#flags[e] = flags;
      if (core.length === 0) continue;
      if (entries[e].masked) this.#masks.add(e, core, (flags & RIGHT) !== 0);
      const p = seen.get(core);
      if (p === undefined) {
        seen.set(core, cores.length);
        last.set(cores.length, e);
        cores.push(core);
        firsts.push(e);
      } else {
        this.#next[last.get(p)!] = e;
        last.set(p, e);
      }
    }
    this.#first = Int32Array.from(firsts);
    this.#ac = new AhoCorasick(cores);
  }

  get size(): number { return this.#entries.length; }

  find(normalized: NormalizedText): MatchHit<P>[] {
    const hits: MatchHit<P>[] = [];
    this.scan(normalized.text, (_, e, s, t, masked) => hits.push(this.hit(normalized, e, s, t, masked)));
    return hits;
  }

  scan(text: string, visit: RawVisit<P>): void {
    const patterns = this.#ac.patterns;
    const entries = this.#entries;
    // Entries hold single spaces; every run of whitespace (line breaks too) reads as one space,
    // and a hit's start is found by walking back over its pattern. Reading the table at every
    // character costs less than first testing the text for such runs.
    const spaces = spaceTable();
    this.#ac.scan(text, (p, end) => {
      const start = startOf(text, patterns[p], end, spaces);
      for (let e = this.#first[p]; e >= 0; e = this.#next[e]) {
        const f = this.#flags[e];
        if ((f & BOUND_START) && isWordAt(text, start - 1)) continue;
        if ((f & BOUND_END) && isWordAt(text, end)) continue;
        let s = start;
        let t = end;
        if (f & LEFT) while (isWordAt(text, s - 1)) s--;
        if (f & RIGHT) while (isWordAt(text, t)) t++;
        visit(entries[e].payload, e, s, t, false);
      }
    }, 0, text.length, spaces);
    for (const [e, s, t] of this.#masks.find(text)) visit(entries[e].payload, e, s, t, true);
  }

  hit(normalized: NormalizedText, e: number, start: number, end: number, masked: boolean): MatchHit<P> {
    const span = normalized.toOriginal(start, end);
    const entry = this.#entries[e];
    return {
      payload: entry.payload, entry: entry.pattern, form: entry.pattern, start, end,
      span: { start: span.start, end: span.end },
      text: normalized.original.slice(span.start, span.end), masked,
    };
  }
}

let spacesTable: Uint8Array | null = null;

/** 1 for every whitespace code unit. */
function spaceTable(): Uint8Array {
  if (spacesTable) return spacesTable;
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (c < 0xd800 || c > 0xdfff) t[c] = /\s/.test(String.fromCharCode(c)) ? 1 : 0;
  spacesTable = t;
  return t;
}

/** Where a pattern ending at `end` began, when each ' ' of it stood for a run of whitespace. */
function startOf(text: string, pattern: string, end: number, spaces: Uint8Array): number {
  let i = end;
  for (let k = pattern.length - 1; k >= 0; k--) {
    i--;
    if (pattern.charCodeAt(k) === 32) while (i > 0 && spaces[text.charCodeAt(i - 1)] === 1) i--;
  }
  return i;
}

function parseEntry(entry: MatcherEntry<unknown>): { core: string; flags: number } {
  let core = entry.pattern;
  let flags = 0;
  if (core.length > 1 && core.startsWith('*')) { core = core.slice(1); flags |= LEFT; }
  if (core.length > 1 && core.endsWith('*')) { core = core.slice(0, -1); flags |= RIGHT; }
  const bounds = entry.bounds ?? 'both';
  if (bounds === 'none') return { core, flags: 0 };
  if (!(flags & LEFT) && isWordAt(core, 0)) flags |= BOUND_START;
  if (bounds === 'both' && !(flags & RIGHT) && isWordAt(core, core.length - 1)) flags |= BOUND_END;
  return { core, flags };
}
