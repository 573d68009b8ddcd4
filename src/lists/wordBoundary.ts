// Which folded code units count as word characters for boundary checks: normalisation's own
// needsWordBoundary (letters and digits of spaced scripts), cached per code unit for the hot loop.

import { isWordChar, needsWordBoundary } from '../normalize/index.js';

let table: Uint8Array | null = null;

/** One byte per BMP code unit: 1 when it is a word character that needs a boundary. Surrogates: 0. */
export function wordTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (needsWordBoundary(String.fromCharCode(c))) t[c] = 1;
  }
  table = t;
  return t;
}

/** True when the code unit at i of text is a word character (false outside the text). */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  return (table ?? wordTable())[text.charCodeAt(i)] === 1;
}

/** True when the first (or last) code unit of s needs a boundary. */
export function startsWithWord(s: string): boolean { return isWordAt(s, 0); }
export function endsWithWord(s: string): boolean { return isWordAt(s, s.length - 1); }

const classes = new Map<string, string>();

/**
 * Regex character classes built from the same tables, as explicit BMP ranges: V8 recompiles
 * Unicode property classes for every RegExp (about 1 ms each), explicit ranges cost a tenth.
 * 'boundary': word characters that need a boundary; 'word': letters, digits and marks of any script.
 */
export function charClass(kind: 'boundary' | 'word', negate = false): string {
  const key = `${kind}:${negate}`;
  const known = classes.get(key);
  if (known) return known;
  const test = kind === 'boundary' ? (ch: string) => needsWordBoundary(ch) : (ch: string) => isWordChar(ch);
  let body = '';
  let from = -1;
  for (let c = 0; c <= 65536; c++) {
    const inside = c < 65536 && !(c >= 0xd800 && c <= 0xdfff) && test(String.fromCharCode(c));
    if (inside && from < 0) from = c;
    if (!inside && from >= 0) {
      body += from === c - 1 ? hex(from) : `${hex(from)}-${hex(c - 1)}`;
      from = -1;
    }
  }
  const cls = `[${negate ? '^' : ''}${body}]`;
  classes.set(key, cls);
  return cls;
}

function hex(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}
