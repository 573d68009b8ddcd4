// From timed words to what the text pipeline reads and what the decision shows: the transcript as
// one text whose parts are its words (so a finding's time runs from its first word to its last),
// segments split at pauses for people to read, and each spotted phrase as a text of its own.

import type { TimeRange } from '../content/index.js';
import type { ReadPart, ReadText } from '../detectors/index.js';
import type { SpokenWord, SpottedPhrase } from './speechEngine.js';

export interface Segment extends TimeRange { text: string }

/** A pause at least this long (seconds) starts a new segment. */
const PAUSE = 0.6;
/** Segments are cut at this length (seconds) even without a pause. */
const LONGEST = 15;

export function transcriptRead(words: readonly SpokenWord[]): ReadText | null {
  if (words.length === 0) return null;
  const parts: ReadPart[] = [];
  let at = 0;
  for (const word of words) {
    parts.push({ start: at, end: at + word.text.length, time: word.time });
    at += word.text.length + 1;
  }
  return { source: 'speech', text: words.map((w) => w.text).join(' '), parts };
}

export function segments(words: readonly SpokenWord[]): Segment[] {
  const out: Segment[] = [];
  for (const word of words) {
    const last = out.at(-1);
    if (last && word.time.start - last.end < PAUSE && word.time.end - last.start <= LONGEST) {
      last.text += ` ${word.text}`;
      last.end = word.time.end;
    } else {
      out.push({ start: word.time.start, end: word.time.end, text: word.text });
    }
  }
  return out;
}

/** Each spotted phrase as its own read text, heard at its time. */
export function spottedReads(spotted: readonly SpottedPhrase[]): ReadText[] {
  return spotted.map((s) => ({ source: 'keyword-spotting', text: s.phrase, parts: [{ start: 0, end: s.phrase.length, time: s.time }] }));
}
