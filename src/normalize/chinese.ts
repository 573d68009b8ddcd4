// Traditional → simplified Chinese, character by character, from opencc-js's t2s dictionary.
// Per character rather than by phrase: the result depends only on the character, so a lexicon
// entry and the text containing it always fold alike, and every output maps to one input.
import { createRequire } from 'node:module';
import type { DictLike } from 'opencc-js/core';
import { classOf, HAN } from './chars.js';
import type { Folding } from './folding.js';

// Simplified form per code point; BMP in a flat table (0: unchanged), the rest in a map.
let bmp: Int32Array | null = null;
let astral: Map<number, number> | null = null;

function singleCodePoint(s: string): number | null {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) ? cp : null;
}

function addEntry(map: Map<number, number>, from: string, to: string): void {
  const f = singleCodePoint(from);
  const t = singleCodePoint(to);
  if (f !== null && t !== null && f !== t) map.set(f, t);
}

function addDict(map: Map<number, number>, dict: DictLike): void {
  if (typeof dict !== 'string') {
    for (const [from, to] of dict) addEntry(map, from, to);
    return;
  }
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) addEntry(map, entry.slice(0, space), entry.slice(space + 1).split(' ')[0]);
  }
}

/** Built on first use: the dictionaries take ~10 ms to load and most texts hold no Han. */
function load(): Int32Array {
  if (bmp !== null) return bmp;
  const { Locale } = createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js/t2cn');
  const map = new Map<number, number>();
  for (const group of Locale.configs.t2s.conversionChain) for (const dict of group) addDict(map, dict);
  const flat = new Int32Array(0x10000);
  astral = new Map();
  for (const [from, to] of map) {
    if (from < 0x10000) flat[from] = to;
    else astral.set(from, to);
  }
  bmp = flat;
  return flat;
}

/** Replaces traditional characters with their simplified form, in place. */
export function toSimplifiedChinese(f: Folding): void {
  const cps = f.cp;
  let table: Int32Array | null = null;
  for (let k = 0; k < f.length; k++) {
    const cp = cps[k];
    if (cp < 0x3400) continue;
    table ??= load();
    const to = cp < 0x10000 ? table[cp] : astral?.get(cp) ?? 0;
    if (to !== 0 && classOf(cp) & HAN) cps[k] = to;
  }
}
