// Pattern RegExps read the folded text with its non-ASCII punctuation turned into spaces, one for
// one (same length, so offsets stay valid). Their separator class can then be ASCII-only: V8 runs a
// long alternation ~20× slower when the class also spans Latin-1, general and CJK punctuation
// (3–5 µs a try instead of 0.2 µs; docs/benchmarks.md, fourth run).

/**
 * Non-ASCII punctuation a space in a pattern has always matched: Latin-1, general, CJK, full-width;
 * except ‘ and ’, which stay: patterns read ’ as an apostrophe ("we’ll").
 */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00a1, 0x00bf], [0x2010, 0x2017], [0x201a, 0x2027], [0x2030, 0x205e], [0x3000, 0x303f], [0xff01, 0xff0f],
];

function isSeparatorPunctuation(c: number): boolean {
  if (c < 0xa1) return false;
  for (const [from, to] of RANGES) if (c >= from && c <= to) return true;
  return false;
}

let last: { text: string; view: string } | null = null;

/** `text` with every such punctuation mark replaced by a space (the text itself when it has none). */
export function punctuationView(text: string): string {
  if (last?.text === text) return last.view;
  let view = text;
  for (let i = 0; i < text.length; i++) {
    if (!isSeparatorPunctuation(text.charCodeAt(i))) continue;
    const units = new Uint16Array(text.length);
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      units[j] = isSeparatorPunctuation(c) ? 32 : c;
    }
    view = String.fromCharCode(...units);
    break;
  }
  last = { text, view };
  return view;
}
