// Rewriting ranges of an already normalised text (a repaired typo, a space put back between glued
// words) while keeping the map to the original: what a replacement stands for is the whole range
// it replaced; an insertion stands for nothing, just after the character before it.

import { Normalized } from './normalize.js';
import type { NormalizedText } from './types.js';

/** Replace text[start, end) by `text`; start === end inserts. */
export interface TextEdit { start: number; end: number; text: string }

/** `edits`: sorted by start, not overlapping. No edits: the same object back. */
export function rewriteNormalized(from: NormalizedText, edits: readonly TextEdit[]): NormalizedText {
  if (edits.length === 0) return from;
  let length = from.text.length;
  for (const edit of edits) length += edit.text.length - (edit.end - edit.start);
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  const pieces: string[] = [];
  let read = 0;
  let write = 0;
  const copy = (upTo: number) => {
    start.set(from.start.subarray(read, upTo), write);
    end.set(from.end.subarray(read, upTo), write);
    pieces.push(from.text.slice(read, upTo));
    write += upTo - read;
    read = upTo;
  };
  for (const edit of edits) {
    if (edit.start < read || edit.end < edit.start || edit.end > from.text.length) throw new RangeError('edits must be sorted, in range and not overlap');
    copy(edit.start);
    const range = edit.end > edit.start
      ? { start: from.start[edit.start], end: from.end[edit.end - 1] }
      : { start: after(from, edit.start), end: after(from, edit.start) };
    start.fill(range.start, write, write + edit.text.length);
    end.fill(range.end, write, write + edit.text.length);
    pieces.push(edit.text);
    write += edit.text.length;
    read = edit.end;
  }
  copy(from.text.length);
  return Object.freeze(new Normalized(from.original, pieces.join(''), start, end));
}

/**
 * The original offset just after what normalised position i - 1 came from: an insertion belongs to
 * the word before it ("killin" + "g", "i" + " " + "hate"), never to characters folding dropped after it.
 */
function after(from: NormalizedText, i: number): number {
  return i > 0 ? from.end[i - 1] : 0;
}
