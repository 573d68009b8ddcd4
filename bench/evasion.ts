// Evasion recall and false positives, Bulwark against the npm profanity filters, per kind of
// rewrite: the same generated set (bench/evasionSet.ts) through every filter in one run.
// Run: node dist/bench/evasion.js

import { moderateText } from '../src/moderation/index.js';
import { CLEAN_EN, CLEAN_ZH, evasionSet } from './evasionSet.js';
import type { Case } from './evasionSet.js';
import { fmt, isMain, table } from './measure.js';
import { peerFilters } from './peerFilters.js';
import { lexiconCheck, pipelineContext } from './peers.js';

type Flag = (text: string) => boolean | Promise<boolean>;

export async function runEvasion(): Promise<void> {
  const ctx = await pipelineContext();
  const lexicon = ctx.detectors.find((d) => d.name === 'lexicon');
  if (!lexicon) throw new Error('no lexicon detector');
  const systems: { name: string; flag: Flag }[] = [
    { name: 'bulwark lexicon', flag: lexiconCheck(lexicon) },
    { name: 'bulwark decision', flag: async (t) => (await moderateText({ text: t }, ctx)).suggestion !== 'pass' },
    ...peerFilters().map((p) => ({ name: p.name, flag: (t: string) => p.check(t) })),
  ];
  const evasions = evasionSet();
  const clean: Case[] = [
    ...CLEAN_EN.map((text) => ({ kind: 'clean English', text, base: '' })),
    ...CLEAN_ZH.map((text) => ({ kind: 'clean Chinese', text, base: '' })),
  ];
  const verdicts = new Map<string, boolean[]>();
  for (const s of systems) {
    const flags: boolean[] = [];
    for (const c of [...evasions, ...clean]) flags.push(await s.flag(c.text));
    verdicts.set(s.name, flags);
  }
  const all = [...evasions, ...clean];
  const groups = [...new Set(all.map((c) => c.kind))];
  const cell = (name: string, pick: (c: Case) => boolean) => {
    const flags = verdicts.get(name)!;
    const idx = all.map((c, i) => (pick(c) ? i : -1)).filter((i) => i >= 0);
    const k = idx.filter((i) => flags[i]).length;
    return `${k}/${idx.length} ${fmt.pct(k / idx.length).padStart(6)}`;
  };
  const isEvasion = (c: Case) => !c.kind.startsWith('clean') && !c.kind.includes('control');
  const rows = [
    ...groups.map((g) => [g, ...systems.map((s) => cell(s.name, (c) => c.kind === g))]),
    ['ALL English evasions', ...systems.map((s) => cell(s.name, (c) => isEvasion(c) && !c.kind.startsWith('zh')))],
    ['ALL Chinese evasions', ...systems.map((s) => cell(s.name, (c) => isEvasion(c) && c.kind.startsWith('zh')))],
    ['ALL clean (false positives)', ...systems.map((s) => cell(s.name, (c) => c.kind.startsWith('clean')))],
  ];
  console.log(`\n== evasion: ${evasions.length} rewritten abusive texts from ${new Set(evasions.map((c) => c.base)).size} base words/phrases, ` +
    `${clean.length} clean sentences`);
  table('caught (evasions: recall, higher is better; clean: false positives, lower is better)', ['kind', ...systems.map((s) => s.name)], rows);
  console.log('bulwark lexicon: any lexicon evidence; bulwark decision: review or block under the default policy ' +
    '(profanity alone is flagged only at high severity, by design). Peers: check(text).');
  printMisses(all, verdicts.get('bulwark lexicon')!);
  for (const s of systems.slice(2)) {
    const wrong = all.filter((c, i) => c.kind.startsWith('clean') && verdicts.get(s.name)![i]).map((c) => JSON.stringify(c.text));
    console.log(`${s.name} false positives: ${wrong.join(', ') || 'none'}`);
  }
}

/** Bulwark's misses and false positives, so a regression names the text. */
function printMisses(all: Case[], flags: boolean[]): void {
  const missed = all.filter((c, i) => !c.kind.startsWith('clean') && !flags[i]);
  const wrong = all.filter((c, i) => c.kind.startsWith('clean') && flags[i]);
  const show = (cs: Case[]) => cs.slice(0, 12).map((c) => JSON.stringify(c.text)).join(', ') + (cs.length > 12 ? ` … (+${cs.length - 12})` : '');
  console.log(`bulwark lexicon missed ${missed.length}: ${show(missed)}`);
  console.log(`bulwark lexicon false positives ${wrong.length}: ${show(wrong)}`);
}

if (isMain(import.meta.url)) await runEvasion();
