// A pattern compiled to a RegExp, run only near the places its anchor literal turned up, so a
// long text costs a few short scans instead of one full scan per pattern.

import type { NormalizedText } from '../normalize/index.js';

export interface RegexMatch { start: number; end: number; form: string }
/** Where a literal of anchor set `set` turned up in the folded text. */
export interface AnchorHit { set: number; start: number; end: number }

export class RegexRule {
  readonly rule: number;
  readonly always: boolean;
  #regex: RegExp;
  #reach: number;
  #sets: number;

  /** `maxLength`: the longest match; `sets`: how many anchor sets every match holds (0: scan all). */
  constructor(rule: number, regex: RegExp, maxLength: number, sets: number) {
    this.rule = rule;
    this.#regex = regex;
    this.#reach = maxLength + 1;
    this.#sets = sets;
    this.always = sets === 0;
  }

  /** Matches in the folded text, looked for only where every anchor set has a hit within reach. */
  run(normalized: NormalizedText, anchors: readonly AnchorHit[]): RegexMatch[] {
    const text = normalized.text;
    if (this.always) return this.#scan(text, 0, text.length);
    const found = new Set(anchors.map((a) => a.set));
    if (found.size < this.#sets) return [];
    if (text.length <= 4 * this.#reach) return this.#scan(text, 0, text.length);
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
    const lead = anchors.filter((a) => a.set === 0 && (this.#sets < 2 || near(others, a.start, this.#reach)));
    const sorted = lead.map((a) => [a.start, a.end] as const).sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [s, e] of sorted) {
      const from = Math.max(0, s - this.#reach);
      const to = Math.min(n, e + this.#reach);
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return merged;
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

/** True when some value of the sorted list lies within `reach` of `at` (binary search). */
function near(sorted: readonly number[], at: number, reach: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < at - reach) lo = mid + 1; else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= at + reach;
}
