// Hand-written folding tables: homoglyphs of real alphabets (Cyrillic, Greek, Armenian), leetspeak,
// enclosed letters that NFKC leaves alone or wraps in parentheses, and number suffixes that mark a
// token as a quantity ("10am", "4k") rather than leetspeak.

/**
 * Letters of other alphabets that look like a Latin letter. `strict` marks glyphs that are
 * identical in lower case (Cyrillic а е о р с у х і ј ѕ …, Greek ο): a word made only of those
 * is folded even without a Latin letter in it. The rest fold only inside mixed-script words.
 * Upper-case keys are listed separately because their Latin twin differs from the lower case
 * one (Greek Η looks like H, η like n).
 */
const LOWER_LOOKALIKES =
  // Cyrillic
  'а a s|в b|г r|е e s|ё e|и u|і i s|ї i|ј j s|к k|м m|н h|о o s|п n|р p s|с c s|т t|у y s|' +
  'х x s|ш w|ь b|ѕ s s|ԁ d s|ԛ q s|ԝ w s|һ h s|ӏ l s|є e|ґ r|ү y|' +
  // Greek
  'α a|β b|γ y|ε e|ζ z|η n|ι i|κ k|μ u|ν v|ο o s|ρ p|σ o|τ t|υ u|χ x|ω w|' +
  // Armenian
  'օ o|ս u|ց g|հ h|ո n|զ q';

const UPPER_LOOKALIKES =
  'А a|В b|Е e|К k|М m|Н h|О o|Р p|С c|Т t|У y|Х x|Ѕ s|І i|Ј j|Ԛ q|Ԝ w|Һ h|Ӏ l|Ү y|' +
  'Α a|Β b|Ε e|Ζ z|Η h|Ι i|Κ k|Μ m|Ν n|Ο o|Ρ p|Τ t|Υ y|Χ x';

export interface Lookalike {
  /** The Latin letter it is folded to. */
  readonly to: number;
  /** Identical in lower case: folds even in a word with no Latin letter. */
  readonly strict: boolean;
  /** The lower-case form, used when the letter is not folded (upper-case keys only). */
  readonly lower: number;
}

function cp(s: string): number {
  return s.codePointAt(0) as number;
}

function buildLookalikes(): Map<number, Lookalike> {
  const map = new Map<number, Lookalike>();
  for (const row of LOWER_LOOKALIKES.split('|')) {
    const [from, to, flag] = row.split(' ');
    map.set(cp(from), { to: cp(to), strict: flag === 's', lower: cp(from) });
  }
  for (const row of UPPER_LOOKALIKES.split('|')) {
    const [from, to] = row.split(' ');
    const lower = cp(from.toLowerCase());
    map.set(cp(from), { to: cp(to), strict: map.get(lower)?.strict ?? false, lower });
  }
  return map;
}

export const LOOKALIKES: ReadonlyMap<number, Lookalike> = buildLookalikes();

/** Upper-case homoglyphs kept upper-case by the first fold so the script stage sees their shape. */
export const UPPER_HOMOGLYPHS: ReadonlySet<number> = new Set(
  UPPER_LOOKALIKES.split('|').map((row) => cp(row)),
);

/**
 * Leetspeak, applied only next to letters (see leet.ts). 2 and 6 are not leet: a digit run that
 * holds them is a number ("b2b", "x86", "user123"). "1" is "i" (sh1t, k1ll) unless doubled ("11"
 * is "ll": ki11, a11).
 */
export const LEET: ReadonlyMap<number, number> = new Map(
  '0o 1i 3e 4a 5s 7t 8b 9g @a $s !i |l €e £l ¢c ©c ®r ∂a ¥y §s ∀a ∃e ₳a ฿b ×x ∩n ∪u ♭b ○o ¤o'
    .split(' ')
    .map((pair) => [cp(pair), cp(pair.slice(-1))] as const),
);

/** Leet symbols that also fold at the end of a word ("a$$", "ki||"); others need a letter after. */
export const LEET_TRAILING: ReadonlySet<number> = new Set([...'01345789$|'].map(cp));

/** Suffixes after a number that make the token a quantity: "1st", "10am", "4k", "100kg". */
export const NUMBER_SUFFIXES: ReadonlySet<string> = new Set(
  ('st nd rd th am pm k m b x s h d g p kg km cm mm ml mg gb mb kb tb hz khz mhz ghz fps px pt ' +
    'mph kph kmh hr hrs min mins sec secs ms yr yrs y lb lbs oz ft in v w kw kwh mah')
    .split(' '),
);

/** Enclosed letters and digits NFKC leaves alone (🅐 🅰) or wraps ("⒜" → "(a)", "⒈" → "1."). */
function buildEnclosed(): Map<number, string> {
  const map = new Map<number, string>();
  const letters = (first: number) => {
    for (let k = 0; k < 26; k++) map.set(first + k, String.fromCharCode(97 + k));
  };
  const digits = (first: number, from: number, count: number) => {
    for (let k = 0; k < count; k++) map.set(first + k, String(from + k));
  };
  letters(0x249c); // ⒜ parenthesized
  letters(0x1f110); // 🄐 parenthesized
  letters(0x1f150); // 🅐 negative circled
  letters(0x1f170); // 🅰 negative squared
  digits(0x2474, 1, 20); // ⑴ parenthesized
  digits(0x2488, 1, 20); // ⒈ with full stop
  digits(0x1f100, 0, 1); // 🄀 zero full stop
  digits(0x1f101, 0, 10); // 🄁 with comma
  digits(0x2776, 1, 10); // ❶ dingbat negative circled
  digits(0x2780, 1, 10); // ➀ dingbat circled sans-serif
  digits(0x278a, 1, 10); // ➊ dingbat negative circled sans-serif
  digits(0x24eb, 11, 10); // ⓫ negative circled
  digits(0x24f5, 1, 10); // ⓵ double circled
  map.set(0x24ff, '0'); // ⓿
  map.set(0x1f12a, 's'); // 🄪 tortoise shell bracketed S
  map.set(0x2800, ' '); // braille blank, used as an invisible space
  return map;
}

export const ENCLOSED: ReadonlyMap<number, string> = buildEnclosed();
