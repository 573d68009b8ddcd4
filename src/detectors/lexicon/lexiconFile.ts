// The format of the built-in lexicon files (lexicons/<lang>/<area>.tsv), parsed and checked in
// one place so a bad row fails loudly at load time with its file and line.
//
//   # comments and blank lines are skipped
//   entry	category	severity	match	flags	note
//
// entry     a word or phrase (match 'normalized'; a leading/trailing '*' continues into the word)
//           or a pattern (match 'pattern', syntax in src/lists/pattern.ts); in a pattern, {name}
//           stands for the alternatives of a named set of the same language (sets.txt)
// category  one of CATEGORIES, or 'allow': an allow row removes the lexicon's own hits it
//           overlaps ("cum laude", "kill the process"), severity 'none'
// severity  low | medium | high
// flags     '-' or a comma list: nopinyin (no pinyin forms for this Chinese entry), pinyin
//           (pinyin forms even where the defaults give none), nomask (no masked spellings),
//           refers (the row's target is a pronoun, "i hate them": when a group of the
//           language's {group} or {member} set is named near the hit, it is hate, one severity up)
// note      free text for reviewers of the file

import { isCategory, SEVERITIES } from '../../content/index.js';
import type { Category, Severity } from '../../content/index.js';

export const LEXICON_HEADER = ['entry', 'category', 'severity', 'match', 'flags', 'note'] as const;
export const LEXICON_FLAGS = ['nopinyin', 'pinyin', 'nomask', 'refers'] as const;
export type LexiconFlag = (typeof LEXICON_FLAGS)[number];

export interface LexiconRow {
  /** As written in the file (evidence and docs show this). */
  entry: string;
  /** What is compiled: the entry with its {set} names expanded. */
  value: string;
  category: Category | 'allow';
  severity: Severity;
  match: 'normalized' | 'pattern';
  flags: ReadonlySet<LexiconFlag>;
  note: string;
  line: number;
}

/** Named alternatives shared by a language's pattern rows: {group} in an entry. */
export type LexiconSets = ReadonlyMap<string, string>;

/**
 * lexicons/<lang>/sets.txt: "name<TAB>a|b|c" per line ('#' comments), so a pattern row can say
 * "{group} (are|is) ~ {dehumanising}" instead of repeating seventy alternatives. An alternative
 * "{name}" includes every member of a set defined above it.
 */
export function parseSetsFile(source: string, file: string): LexiconSets {
  const sets = new Map<string, string>();
  source.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    const [name, alternatives] = cells;
    if (cells.length !== 2 || !/^[a-z_]+$/.test(name)) throw bad(file, i + 1, 'expected "name<TAB>a|b|c" with a lowercase name');
    if (sets.has(name)) throw bad(file, i + 1, `set "${name}" is defined twice`);
    const parts = alternatives.split('|').map((a) => a.trim()).flatMap((a) => {
      const included = /^\{([a-z_]+)\}$/.exec(a);
      if (!included) return [a];
      if (!sets.has(included[1])) throw bad(file, i + 1, `set {${included[1]}} must be defined before it is included`);
      return setMembers(sets, included[1]);
    });
    if (parts.some((a) => a === '' || /[(){}~]/.test(a))) throw bad(file, i + 1, 'alternatives must be plain words or phrases, or {name} of an earlier set');
    sets.set(name, `(${parts.join('|')})`);
  });
  return sets;
}

/** The alternatives of a named set (none when the language has no such set). */
export function setMembers(sets: LexiconSets, name: string): string[] {
  const set = sets.get(name);
  return set ? set.slice(1, -1).split('|') : [];
}

export function parseLexiconFile(source: string, file: string, sets: LexiconSets = new Map()): LexiconRow[] {
  const rows: LexiconRow[] = [];
  let header = false;
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (!header) {
      if (cells.join('\t') !== LEXICON_HEADER.join('\t')) throw bad(file, line, `header must be "${LEXICON_HEADER.join('\\t')}"`);
      header = true;
      return;
    }
    rows.push(parseRow(cells, file, line, sets));
  });
  if (!header) throw bad(file, 1, 'missing header');
  return rows;
}

function parseRow(cells: string[], file: string, line: number, sets: LexiconSets): LexiconRow {
  if (cells.length < 5 || cells.length > 6) throw bad(file, line, `expected 5–6 tab-separated cells, got ${cells.length}`);
  const [entry, category, severity, match, flagCell, note = ''] = cells;
  if (entry.trim() === '' || entry !== entry.trim()) throw bad(file, line, 'entry is empty or has outer spaces');
  if (category !== 'allow' && !isCategory(category)) throw bad(file, line, `unknown category "${category}"`);
  if (!(SEVERITIES as readonly string[]).includes(severity)) throw bad(file, line, `unknown severity "${severity}"`);
  if ((category === 'allow') !== (severity === 'none')) throw bad(file, line, 'allow rows, and only they, have severity none');
  if (match !== 'normalized' && match !== 'pattern') throw bad(file, line, `match must be normalized or pattern, not "${match}"`);
  const flags = new Set<LexiconFlag>();
  for (const flag of flagCell === '-' ? [] : flagCell.split(',')) {
    if (!(LEXICON_FLAGS as readonly string[]).includes(flag)) throw bad(file, line, `unknown flag "${flag}"`);
    flags.add(flag as LexiconFlag);
  }
  if (flags.has('refers') && (category === 'allow' || category === 'hate')) throw bad(file, line, 'refers is for rows that are not hate already and not allow');
  const value = match === 'pattern' ? expandSets(entry, sets, file, line) : entry;
  return { entry, value, category: category as Category | 'allow', severity: severity as Severity, match, flags, note, line };
}

function expandSets(entry: string, sets: LexiconSets, file: string, line: number): string {
  return entry.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const set = sets.get(name);
    if (!set) throw bad(file, line, `unknown set {${name}}`);
    return set;
  });
}

function bad(file: string, line: number, reason: string): Error {
  return new Error(`Lexicon ${file}:${line}: ${reason}`);
}
