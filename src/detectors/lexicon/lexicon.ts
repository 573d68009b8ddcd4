// The built-in lexicon: every lexicons/<lang>/<area>.tsv parsed once, folded the way text is
// folded (plus pinyin forms of Chinese entries), and compiled into one matcher for all languages.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Category, Severity } from '../../content/index.js';
import { compileRules, foldForMatching } from '../../lists/index.js';
import type { Matcher, Rule } from '../../lists/index.js';
import { projectRoot } from '../../paths.js';
import { loadEnglishWords } from './englishWords.js';
import type { EnglishWords } from './englishWords.js';
import { parseLexiconFile, parseSetsFile, setMembers } from './lexiconFile.js';
import type { LexiconRow, LexiconSets } from './lexiconFile.js';
import { pinyinForms } from './pinyinForms.js';
import { WordRepair } from './wordRepair.js';
import type { LexiconWords } from './wordRepair.js';

export interface LexiconEntry {
  /** The entry as written in its file (a pinyin form reports the Chinese entry it came from). */
  entry: string;
  /**
   * 'mention': a group defined by a protected trait named (never evidence; what a `refers` hit
   * looks for nearby). 'people': a group named by what they do or believe (never evidence; a hate
   * frame aimed only at them is harassment).
   */
  category: Category | 'allow' | 'mention' | 'people';
  severity: Severity;
  /** builtin:<area>/<lang>, e.g. builtin:profanity/en. */
  rule: string;
  kind: 'normalized' | 'pattern';
  form: 'text' | 'pinyin';
  /** The row's target is a pronoun ("i hate them"): hate when a group is named nearby (resolve.ts). */
  refers?: true;
  /** A hate row that threatens or wishes harm: aimed at people named by no protected trait, it is violence. */
  threat?: true;
}

export interface BuiltinLexicon {
  readonly matcher: Matcher<LexiconEntry>;
  /** English typos and glued words put right before matching (null: compiled without a dictionary). */
  readonly repair: WordRepair | null;
  /** Rows per rule id, for docs and tests. */
  readonly counts: Readonly<Record<string, number>>;
  readonly rows: number;
  /** Rules compiled: rows plus pinyin forms. */
  readonly forms: number;
}

/** Areas load in this order: a masked spelling ("s**t") resolves to the first entry that fits. */
const AREA_ORDER = ['profanity', 'harassment', 'hate', 'sexual', 'sexual_minors', 'violence', 'self_harm', 'illicit', 'spam'];

/** The lexicon is reviewed in the repo: its phrase rules may be longer and wider than a tenant's. */
const BUILTIN_LIMITS = Object.freeze({ maxLength: 8000, maxAlternatives: 320, maxGaps: 2 });

/** Named alternatives of one language, used as {name} in its pattern rows. */
const SETS_FILE = 'sets.txt';
/** The sets whose members name a group of people: what a `refers` row's pronoun may stand for. */
const MENTION_SETS = ['group', 'member'];
/** What a threatening hate row says: a set of violent acts or harms, or a word of killing. */
const THREAT = /\{(violent_act|harm)\}|\b(kill|killed|killing|murder|shoot|shot|stab|hang|lynch|slaughter|exterminate|execute|execution|death|die|dead|burn|drown|gas|rape|cut|slit|snap|attacking|hunting|beating|torture)\b/;
/** The sets of people named by no protected trait, included in the mention sets (sets.txt). */
const PEOPLE_SETS = ['people', 'person'];

let cached: BuiltinLexicon | null = null;

export function lexiconDir(): string {
  return path.join(projectRoot(), 'lexicons');
}

/** Parses and compiles the built-in lexicon once per process; throws on a malformed file. */
export function loadBuiltinLexicon(): BuiltinLexicon {
  if (cached) return cached;
  const { files, mentions } = readLexicon(lexiconDir());
  cached = compileLexicon(files, mentions, loadEnglishWords());
  return cached;
}

export interface LexiconFile { lang: string; area: string; file: string; rows: LexiconRow[] }

function languages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

function readSets(dir: string, lang: string): LexiconSets {
  const setsFile = path.join(dir, lang, SETS_FILE);
  return existsSync(setsFile) ? parseSetsFile(readFileSync(setsFile, 'utf8'), `${lang}/${SETS_FILE}`) : new Map<string, string>();
}

export function readLexiconFiles(dir: string): LexiconFile[] {
  return readLexicon(dir).files;
}

/** Who the sets name: groups by a protected trait ({group}, {member}), and other people ({people}, {person}). */
export interface LexiconMentions { groups: string[]; people: string[] }

/** Every language's files, and the members of its mention sets. */
export function readLexicon(dir: string): { files: LexiconFile[]; mentions: LexiconMentions } {
  const files: LexiconFile[] = [];
  const mentions: LexiconMentions = { groups: [], people: [] };
  for (const lang of languages(dir)) {
    const sets = readSets(dir, lang);
    const people = new Set(PEOPLE_SETS.flatMap((name) => setMembers(sets, name)));
    mentions.groups.push(...MENTION_SETS.flatMap((name) => setMembers(sets, name)).filter((word) => !people.has(word)));
    mentions.people.push(...people);
    for (const name of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.tsv'))) {
      const file = path.join(dir, lang, name);
      files.push({ lang, area: name.slice(0, -4), file, rows: parseLexiconFile(readFileSync(file, 'utf8'), `${lang}/${name}`, sets) });
    }
  }
  const rank = (area: string) => (AREA_ORDER.includes(area) ? AREA_ORDER.indexOf(area) : AREA_ORDER.length);
  files.sort((a, b) => rank(a.area) - rank(b.area) || a.area.localeCompare(b.area) || a.lang.localeCompare(b.lang));
  return { files, mentions };
}

export function compileLexicon(files: readonly LexiconFile[], mentions: LexiconMentions = { groups: [], people: [] }, english?: EnglishWords): BuiltinLexicon {
  const rules: Rule<LexiconEntry>[] = [];
  const counts: Record<string, number> = {};
  for (const { lang, area, rows } of files) {
    const rule = `builtin:${area}/${lang}`;
    counts[rule] = rows.length;
    for (const row of rows) {
      const payload: LexiconEntry = {
        entry: row.entry, category: row.category, severity: row.severity, rule, kind: row.match, form: 'text',
        ...(row.flags.has('refers') ? { refers: true } : {}), ...(row.category === 'hate' && THREAT.test(row.entry) ? { threat: true } : {}),
      };
      const masked = row.match === 'normalized' && row.category !== 'allow' && !row.flags.has('nomask');
      rules.push({ value: row.value, kind: row.match, payload, masked, veto: row.category === 'allow', origin: `lexicons/${lang}/${area}.tsv:${row.line}` });
      for (const form of pinyinForms(row)) rules.push({ value: form, kind: 'normalized', payload: { ...payload, form: 'pinyin' }, masked: false });
    }
  }
  // Mentions ride the same automaton pass; they are never evidence.
  const mention = (word: string, category: 'mention' | 'people'): Rule<LexiconEntry> => ({
    value: word, kind: 'normalized', masked: false,
    payload: { entry: word, category, severity: 'none', rule: `builtin:${category}`, kind: 'normalized', form: 'text' },
  });
  for (const word of new Set(mentions.groups)) rules.push(mention(word, 'mention'));
  for (const word of new Set(mentions.people)) rules.push(mention(word, 'people'));
  const matcher = compileRules(rules, foldForMatching, BUILTIN_LIMITS);
  const repair = english ? WordRepair.build(englishVocabulary(files, mentions), english) : null;
  return Object.freeze({ matcher, repair, counts, rows: files.reduce((n, f) => n + f.rows.length, 0), forms: rules.length });
}

/** Every word the English rows (allow rows aside) and the mentions are written with, whole or as a stem. */
function englishVocabulary(files: readonly LexiconFile[], mentions: LexiconMentions): LexiconWords {
  const wordsOf = (text: string) => [...text.toLowerCase().matchAll(/[a-z]+/g)].map(([word]) => word);
  const english = files.filter((f) => f.lang === 'en').flatMap((f) => f.rows.filter((row) => row.category !== 'allow'));
  const standalone = english.filter((row) => row.match === 'normalized' && row.category !== 'profanity' && /^[a-z]+$/.test(row.value)).map((row) => row.value);
  return { rows: english.flatMap((row) => wordsOf(row.value)), mentions: [...mentions.groups, ...mentions.people].flatMap(wordsOf), standalone };
}
