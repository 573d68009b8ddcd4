// Pinyin spellings of Chinese entries ("傻逼" → "shabi", "sha bi"), made at load time with
// pinyin-pro so people who type pinyin to dodge a Chinese filter are still found.

import { pinyin } from 'pinyin-pro';
import type { Category } from '../../content/index.js';
import type { LexiconRow } from './lexiconFile.js';

const HAN_ONLY = /^\p{sc=Han}+$/u;
/** Where a 2-syllable entry gets pinyin: abuse words people spell out. Elsewhere only 3+ syllables. */
const SHORT_PINYIN: ReadonlySet<Category | 'allow'> = new Set<Category | 'allow'>(['profanity', 'harassment', 'hate', 'sexual', 'sexual_minors']);

/** Toneless syllables of an all-Han entry, or null. */
export function syllables(entry: string): string[] | null {
  if (!HAN_ONLY.test(entry)) return null;
  const parts = pinyin(entry, { toneType: 'none', type: 'array' }) as string[];
  return parts.length === [...entry].length && parts.every((p) => /^[a-zü]+$/.test(p)) ? parts : null;
}

/** Joined and space-separated forms (plus the 'v' spelling of ü), or none when the row should not have them. */
export function pinyinForms(row: LexiconRow): string[] {
  if (row.match !== 'normalized' || row.category === 'allow' || row.flags.has('nopinyin')) return [];
  const parts = syllables(row.entry);
  if (!parts || parts.length < 2) return [];
  if (!row.flags.has('pinyin') && parts.length < 3 && !SHORT_PINYIN.has(row.category)) return [];
  const forms = new Set<string>([parts.join(''), parts.join(' ')]);
  if (parts.some((p) => p.includes('ü'))) for (const f of [...forms]) forms.add(f.replaceAll('ü', 'v'));
  return [...forms];
}
