// A pattern compiled to a RegExp, run only where its anchor literals turned up: tried once at
// each place a match could begin when its start literals are known, otherwise scanned over short
// windows around the anchors. A long text costs a few short attempts, not a scan per pattern.

import type { AnchorRecord } from './anchorRecord.js';

export interface RegexMatch { start: number; end: number; form: string }
/** Where a literal of anchor set `set` turned up in the folded text. */
export interface AnchorHit { set: number; start: number; end: number }
/** Whether a start-set anchor hit at [start, end) is worth trying from. */
export type KeepAnchor = (start: number, end: number) => boolean;

export class RegexRule {
  readonly rule: number;
  readonly always: boolean;
  #regex: RegExp;
  /** Farther than this from a match's anchor, the match cannot reach (its longest length, plus one). */
  readonly reach: number;
  #sets: number;
  /** Set 0 holds the literals every match begins with: try the regex sticky at their hits only. */
  #sticky: RegExp | null;
  /** With `#sticky`: how far after the start a literal of each other set can begin. */
  #within: readonly number[];

  /**
   * `maxLength`: the longest match; `sets`: how many anchor sets every match holds (0: scan all);
   * `within`: given when set 0 is the start literals rather than a literal somewhere in the match,
   * how far after the start a literal of each other set can begin.
   */
  constructor(rule: number, regex: RegExp, maxLength: number, sets: number, within: readonly number[] | null = null) {
    this.rule = rule;
    this.#regex = regex;
    this.reach = maxLength + 1;
    this.#sets = sets;
    this.always = sets === 0;
    this.#sticky = within !== null && sets > 0 ? new RegExp(regex.source, regex.flags.replace('g', '') + 'y') : null;
    this.#within = within ?? [];
  }

  /**
   * Matches in `text`, the folded text's punctuationView, looked for only where every anchor set
   * has a hit within reach. `sets`: this rule's anchor sets in `record`, set 0 first (the caller
   * checked each was hit); `keep`: when given, only set-0 hits it accepts are used.
   */
  run(text: string, record: AnchorRecord, sets: readonly number[], keep: KeepAnchor | null = null): RegexMatch[] {
    if (this.always) return this.#scan(text, 0, text.length);
    if (this.#sticky) return this.#tryAt(text, record, sets, keep, this.#sticky);
    const anchors = record.hits(sets).filter((a) => a.set !== 0 || keep === null || keep(a.start, a.end));
    if (!anchors.some((a) => a.set === 0)) return [];
    if (text.length <= 4 * this.reach) return this.#scan(text, 0, text.length);
    const out: RegexMatch[] = [];
    for (const [from, to] of this.#windows(anchors, text.length)) {
      // The window keeps one unit of context each side; a match touching a cut edge is dropped
      // (its own anchor's window, which contains it whole, finds it).
      for (const m of this.#scan(text, from, to)) {
        if ((m.start === from && from > 0) || (m.end === to && to < text.length)) continue;
        if (!out.some((o) => o.start === m.start)) out.push(m);
      }
    }
    return out;
  }

  /** Ranges around hits of the first set that have a hit of every other set within reach. */
  #windows(anchors: readonly AnchorHit[], n: number): Array<[number, number]> {
    const others = anchors.filter((a) => a.set !== 0).map((a) => a.start).sort((a, b) => a - b);
    const lead = anchors.filter((a) => a.set === 0 && (this.#sets < 2 || near(others, a.start, this.reach)));
    const sorted = lead.map((a) => [a.start, a.end] as const).sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [s, e] of sorted) {
      const from = Math.max(0, s - this.reach);
      const to = Math.min(n, e + this.reach);
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return merged;
  }

  /**
   * Leftmost non-overlapping matches that begin where a start literal was found and that have a
   * literal of every other set within reach after that point. The other sets are the selective
   * ones, so they are checked first; a common start literal ("i", "you") is found dozens of times.
   */
  #tryAt(text: string, record: AnchorRecord, sets: readonly number[], keep: KeepAnchor | null, sticky: RegExp): RegexMatch[] {
    const out: RegexMatch[] = [];
    const others: (readonly number[])[] = [];
    for (let q = 1; q < sets.length; q++) others.push(record.sorted(sets[q]).start);
    // The starts ascend, so each other set's first hit at or after the start only moves forward.
    const cursors = new Array<number>(others.length).fill(0);
    const { start: starts, end: ends } = record.sorted(sets[0]);
    let free = 0;
    let tried = -1;
    for (let k = 0; k < starts.length; k++) {
      const at = starts[k];
      if (at < free || at === tried || !allWithin(others, cursors, at, this.#within)) continue;
      if (keep !== null && !keep(at, ends[k])) continue;
      tried = at;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m || m[0].length === 0) continue;
      out.push({ start: at, end: at + m[0].length, form: m[0] });
      free = at + m[0].length;
    }
    return out;
  }

  #scan(text: string, from: number, to: number): RegexMatch[] {
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    const out: RegexMatch[] = [];
    for (const m of slice.matchAll(this.#regex)) {
      if (m[0].length > 0) out.push({ start: from + m.index, end: from + m.index + m[0].length, form: m[0] });
    }
    return out;
  }
}

/**
 * True when every sorted list q has a value in [at, at + within[q]]. `cursors[q]` is where list
 * q's search resumes; callers ask with `at` never decreasing, so each list is walked once per rule and text.
 */
function allWithin(lists: readonly (readonly number[])[], cursors: number[], at: number, within: readonly number[]): boolean {
  for (let q = 0; q < lists.length; q++) {
    const list = lists[q];
    let c = cursors[q];
    while (c < list.length && list[c] < at) c++;
    cursors[q] = c;
    if (c === list.length || list[c] > at + within[q]) return false;
  }
  return true;
}

/** True when some value of the sorted list lies within `reach` of `at`. */
function near(sorted: readonly number[], at: number, reach: number): boolean {
  return within(sorted, at - reach, at + reach);
}

/** True when some value of the sorted list lies in [from, to]. */
function within(sorted: readonly number[], from: number, to: number): boolean {
  const k = lowerBound(sorted, from);
  return k < sorted.length && sorted[k] <= to;
}

/** The first index of the ascending list whose value is at least `x` (binary search; length if none). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
