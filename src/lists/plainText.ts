// The lowercased original, offset for offset: what 'exact' list entries match against (no evasion
// folding). plainText wraps it as a NormalizedText, a handy input for tests and benchmarks.

import type { NormalizedText } from '../normalize/index.js';

/** Lowercases code unit by code unit so offsets never move (toLowerCase can lengthen, e.g. 'İ'). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i].toLowerCase();
    out += ch.length === 1 ? ch : text[i];
  }
  return out;
}

export function plainText(original: string): NormalizedText {
  const text = lowerSameLength(original);
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) { start[i] = i; end[i] = i + 1; }
  return {
    original, text, start, end,
    toOriginal: (s: number, e: number) => ({ start: s, end: e }),
  };
}
