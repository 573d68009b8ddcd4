// Quoted speech: a hit inside quotation marks is, far more often than not, words being reported or
// condemned ('If you say "I hate women", you are a bigot', 'he told me "kill yourself"'). The
// lexicon keeps such a hit as evidence at low severity instead of acting on it as the writer's own words.

/** How far back and ahead on the same line a quotation mark is looked for. */
const REACH = 300;
const STRAIGHT = 0x22; // "
const OPENING = new Set([0x201c, 0x201e, 0xab, 0x300c, 0x300e, 0xff02]); // “ „ « 「 『 ＂
const CLOSING = new Set([0x201d, 0xbb, 0x300d, 0x300f, 0xff02]); // ” » 」 』 ＂
/** Below this, only the straight quote is a quotation mark: most code units are rejected by one comparison. */
const FIRST_CURLY = 0xab;
const ANY_QUOTE = new RegExp(`[${String.fromCharCode(STRAIGHT, ...OPENING, ...CLOSING)}]`);

/** True when the text holds any quotation mark: without one, no hit in it can be quoted. */
export function hasQuotationMark(text: string): boolean {
  return ANY_QUOTE.test(text);
}

function isLineBreak(c: number): boolean { return c === 10 || c === 13; }

/** '"@user: …"' and '"RT @user …"': a retweet in the old quoting style, the poster's own choice to spread it. */
const RETWEET = /\s*(?:rt\s+)?@\w+/iy;

function isRetweet(text: string, afterQuote: number): boolean {
  RETWEET.lastIndex = afterQuote;
  return RETWEET.test(text);
}

/** True when text[start, end) lies between an opening and a closing quotation mark on its line. */
export function isQuoted(text: string, start: number, end: number): boolean {
  let straight = 0;
  let opened = false;
  let quote = -1;
  for (let i = start - 1; i >= 0 && i >= start - REACH; i--) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) break;
    if (c === STRAIGHT) { if (straight++ === 0) quote = i; }
    else if (c < FIRST_CURLY) continue;
    else if (!opened && CLOSING.has(c) && !OPENING.has(c)) break; // a quotation closed before the hit
    else if (OPENING.has(c)) { opened = true; quote = i; break; }
  }
  // Straight quotes pair up in order: an odd count before the hit means one is open.
  if (!opened && straight % 2 === 0) return false;
  if (isRetweet(text, quote + 1)) return false;
  for (let i = end; i < text.length && i < end + REACH; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) return false;
    if (opened ? c >= FIRST_CURLY && CLOSING.has(c) : c === STRAIGHT) return true;
  }
  return false;
}
