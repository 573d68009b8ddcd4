// Repairs the English spelling tricks no list can enumerate, before the lexicon reads the text:
//
//   typos      two letters swapped or one left out of a word the lexicon uses ("thraet", "womn",
//              "killin"), when the slip is no word of its own and no more frequent word slips
//              into the same spelling ("strangel" is "strangely" before "strangle")
//   glued      two words written as one ("Ihate", "massivescumbags", and "I h a t e" once the
//              spaced letters are joined), when the whole is no known word, both halves are, and
//              one of them is a word the lexicon uses
//
// Only where the text is English: 60 % of its words known to the dictionary (or repaired), and no
// slip read as a word that flags on its own, which in another language is often an ordinary word.
// The rewrite keeps the map to the original text, so evidence still points at what was sent.

import { rewriteNormalized } from '../../normalize/index.js';
import type { NormalizedText, TextEdit } from '../../normalize/index.js';
import type { EnglishWords } from './englishWords.js';
import { FNV_OFFSET, FNV_PRIME, hashOf, WordHashes } from './wordHashes.js';

/** Shorter words have too many neighbours: "hte" is "the" far more often than "hate". */
const MIN_SWAPPED = 4;
const MIN_SHORTENED = 5;
/** A typo is left alone when one of this many most frequent words, more frequent than the repair, slips into it too. */
const FREQUENT_WORDS = 20_000;
const MIN_GLUED = 5;
/** Longer runs are addresses, hashes and keyboard mashing, not two words. */
const MAX_GLUED = 24;
/** The words of one or two letters a glued word may be split into. */
const SHORT_WORDS = new Set(['a', 'i', 'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'on', 'or', 'so', 'to', 'up', 'us', 'we']);
const INFLECTIONS = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers'];

const A = 97;
const Z = 122;

/** The swapped and shortened spellings of a word this module repairs. */
export function typosOf(word: string): Set<string> {
  const typos = new Set<string>();
  if (word.length >= MIN_SWAPPED) {
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] !== word[i + 1]) typos.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
  }
  if (word.length >= MIN_SHORTENED) for (let i = 1; i < word.length; i++) typos.add(word.slice(0, i) + word.slice(i + 1));
  return typos;
}

/** The words of the lexicon's rows ("i", "hate", "fuk", stems like "murd") and of its mentions ("women", "muslims"). */
export interface LexiconWords {
  rows: Iterable<string>;
  mentions: Iterable<string>;
  /**
   * Words that flag on their own as abuse (slurs, "slut"; swear words aside): never the reading of a
   * typo, since a slip of them is as likely a word of another language ("ikke" is Norwegian, not a slur).
   */
  standalone: Iterable<string>;
}

/** Below this share of words a dictionary knows (or repair makes known), a text is not English enough to repair. */
const MIN_KNOWN_SHARE = 0.6;
/** Words this long or longer count towards that share. */
const MIN_COUNTED = 3;

export class WordRepair {
  /** typo → the word */
  readonly #typos: ReadonlyMap<string, string>;
  /** Known and lexicon words, asked by hash: the nine words in ten a scan need not cut out. */
  readonly #asWritten: WordHashes;
  /** What a glued word may split into: common words and the lexicon's own. */
  readonly #pieces: WordHashes;
  /** Words of three letters or more the lexicon uses (inflected too): what a glued word must hold. */
  readonly #used: ReadonlySet<string>;

  private constructor(typos: ReadonlyMap<string, string>, asWritten: WordHashes, pieces: WordHashes, used: ReadonlySet<string>) {
    this.#typos = typos;
    this.#asWritten = asWritten;
    this.#pieces = pieces;
    this.#used = used;
  }

  /** Keeps hashes, not the dictionaries' 170,000 strings, so the collector has less to walk. */
  static build(vocabulary: LexiconWords, words: EnglishWords): WordRepair {
    const mentions = new Set(vocabulary.mentions);
    const standalone = new Set(vocabulary.standalone);
    const lexicon = new Set([...vocabulary.rows, ...mentions]);
    const used = new Set([...lexicon].filter((w) => w.length >= 3));
    const targets = new Set([...used].filter((w) => w.length >= MIN_SWAPPED && (words.dictionary.has(w) || mentions.has(w))));
    for (const word of [...targets]) for (const ending of INFLECTIONS) if (words.dictionary.has(word + ending)) targets.add(word + ending);
    for (const word of targets) used.add(word);
    for (const word of standalone) targets.delete(word);
    return new WordRepair(
      typoTable(targets, lexicon, words), new WordHashes([...words.known, ...lexicon]), new WordHashes([...words.common, ...used]), used,
    );
  }

  /** The same text back when nothing needs repair, or when too few of its words are English. */
  repair(text: NormalizedText): NormalizedText {
    const edits: TextEdit[] = [];
    const s = text.text;
    let words = 0;
    let known = 0;
    for (let i = 0; i < s.length;) {
      if (!isLetter(s.charCodeAt(i))) {
        i++;
        continue;
      }
      // hashOf, inlined: every letter of the text passes here.
      let hash = FNV_OFFSET;
      let end = i;
      do hash = Math.imul(hash ^ s.charCodeAt(end++), FNV_PRIME);
      while (end < s.length && isLetter(s.charCodeAt(end)));
      if (end - i >= MIN_COUNTED) {
        words++;
        if (this.#asWritten.has(hash)) known++;
        else if (end - i >= MIN_SWAPPED && standsAlone(text, i, end)) {
          const edit = this.#editFor(s.slice(i, end));
          if (edit) {
            edits.push({ start: i + edit.start, end: i + edit.end, text: edit.text });
            known++;
          }
        }
      }
      i = end;
    }
    return known >= MIN_KNOWN_SHARE * words ? rewriteNormalized(text, edits) : text;
  }

  /** The edit that repairs one token no dictionary knows (offsets within it), or null. */
  #editFor(token: string): TextEdit | null {
    const typo = this.#typos.get(token);
    if (typo !== undefined) return { start: 0, end: token.length, text: typo };
    if (token.length < MIN_GLUED || token.length > MAX_GLUED) return null;
    if (token.endsWith('in') && this.#asWritten.has(hashOf(`${token}g`))) {
      return this.#used.has(`${token}g`) ? { start: token.length, end: token.length, text: 'g' } : null;
    }
    const at = this.#splitPoint(token);
    return at === -1 ? null : { start: at, end: at, text: ' ' };
  }

  /** Where a glued token splits into two words, the shorter half as long as possible; -1: nowhere. */
  #splitPoint(token: string): number {
    let best = -1;
    let bestShorter = 0;
    for (let i = 1; i < token.length; i++) {
      const head = token.slice(0, i);
      const tail = token.slice(i);
      if (!this.#isPiece(head) || !this.#isPiece(tail) || !(this.#used.has(head) || this.#used.has(tail))) continue;
      const shorter = Math.min(head.length, tail.length);
      if (shorter > bestShorter) {
        best = i;
        bestShorter = shorter;
      }
    }
    return best;
  }

  #isPiece(word: string): boolean {
    return SHORT_WORDS.has(word) || (word.length >= 3 && this.#pieces.has(hashOf(word)));
  }
}

function typoTable(targets: ReadonlySet<string>, lexicon: ReadonlySet<string>, words: EnglishWords): Map<string, string> {
  const frequent = words.byFrequency.slice(0, FREQUENT_WORDS);
  const rank = new Map(frequent.map((word, i) => [word, i]));
  const rankOf = (word: string) => rank.get(word) ?? FREQUENT_WORDS;
  const table = new Map<string, string>();
  for (const word of targets) {
    for (const typo of typosOf(word)) {
      if (words.known.has(typo) || lexicon.has(typo)) continue;
      const seen = table.get(typo);
      if (seen === undefined || rankOf(word) < rankOf(seen)) table.set(typo, word);
    }
  }
  // A more frequent word that slips into the same spelling is the likelier reading ("strangel" is
  // "strangely" before "strangle"); its typos stay as written.
  const ambiguous = new Set<string>();
  for (const word of frequent) {
    if (targets.has(word) || word.length < MIN_SWAPPED) continue;
    for (const typo of typosOf(word)) {
      const target = table.get(typo);
      if (target !== undefined && rankOf(word) < rankOf(target)) ambiguous.add(typo);
    }
  }
  for (const typo of ambiguous) table.delete(typo);
  return table;
}

function isLetter(c: number): boolean {
  return c >= A && c <= Z;
}

/** Not part of an address, a handle or a longer code ("@ihate", "www.hatewatch.com", "abc123"). */
function standsAlone(text: NormalizedText, start: number, end: number): boolean {
  const s = text.text;
  const before = start > 0 ? s[start - 1] : ' ';
  const after = end < s.length ? s[end] : ' ';
  if ('./_'.includes(before) || (before >= '0' && before <= '9') || isHandle(text, start)) return false;
  if ('@_/'.includes(after) || (after >= '0' && after <= '9')) return false;
  return !(after === '.' && isLetter(s.charCodeAt(end + 1)));
}

/** "@name": the '@' may have been read as the letter a. */
function isHandle(text: NormalizedText, start: number): boolean {
  const at = text.start[start];
  return text.original[at] === '@' || text.original[at - 1] === '@';
}
