// A pattern compiled to a RegExp, run only near the places its anchor literal turned up, so a
// long text costs a few short scans instead of one full scan per pattern.

import type { NormalizedText } from '../normalize/index.js';

export interface RegexMatch { start: number; end: number; form: string }

export class RegexRule {
  readonly rule: number;
  readonly always: boolean;
  #regex: RegExp;
  #reach: number;

  /** `maxLength`: the longest match; `always`: no anchor, so scan the whole text. */
  constructor(rule: number, regex: RegExp, maxLength: number, always: boolean) {
    this.rule = rule;
    this.#regex = regex;
    this.#reach = maxLength + 1;
    this.always = always;
  }

  /** Matches in the folded text; `anchors` are [start, end) ranges of anchor hits (ignored when always). */
  run(normalized: NormalizedText, anchors: ReadonlyArray<readonly [number, number]>): RegexMatch[] {
    const text = normalized.text;
    if (this.always || text.length <= 4 * this.#reach) return this.#scan(text, 0, text.length);
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

  #windows(anchors: ReadonlyArray<readonly [number, number]>, n: number): Array<[number, number]> {
    const sorted = [...anchors].sort((a, b) => a[0] - b[0]);
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
