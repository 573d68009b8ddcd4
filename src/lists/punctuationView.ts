// Pattern RegExps read the folded text with its non-ASCII punctuation turned into spaces, one for
// one (same length, so offsets stay valid). Their separator class can then be ASCII-only: V8 runs a
// long alternation ~20× slower when the class also spans Latin-1, general and CJK punctuation
// (3–5 µs a try instead of 0.2 µs; docs/benchmarks.md, fourth run).

/**
 * Non-ASCII punctuation a space in a pattern has always matched: Latin-1, general, CJK, full-width;
 * except ‘ and ’, which stay: patterns read ’ as an apostrophe ("we’ll").
 */
const PUNCTUATION = /[\u00a1-\u00bf\u2010-\u2017\u201a-\u2027\u2030-\u205e\u3000-\u303f\uff01-\uff0f]/g;

/** `text` with every such punctuation mark replaced by a space (the text itself when it has none). */
export function punctuationView(text: string): string {
  return text.replace(PUNCTUATION, ' ');
}
