// Bulwark against the npm profanity filters on the same 1 KB texts: our lexicon detection
// (normalisation included) and our whole pipeline, each against every peer's check and find call;
// then our matcher alone loaded with each peer's own dictionary, against that peer.
// Run: node dist/bench/peers.js

import { builtinTextDetectors } from '../src/detectors/index.js';
import type { Detector } from '../src/detectors/index.js';
import { compileKeywordList } from '../src/lists/index.js';
import type { ListAction, ListMatch } from '../src/lists/index.js';
import { moderateText } from '../src/moderation/index.js';
import { matchLists } from '../src/moderation/matchLists.js';
import type { TextContext } from '../src/moderation/index.js';
import { normalizeForMatching } from '../src/normalize/index.js';
import type { NormalizedText } from '../src/normalize/index.js';
import { defaultPolicyBody } from '../src/policies/index.js';
import { kilobyteTexts } from './corpus.js';
import { compare, fmt, isMain, table } from './measure.js';
import { peerFilters } from './peerFilters.js';
import type { PeerDictionary, PeerFilter } from './peerFilters.js';

const MS = 2_000;

/** Normalise + the lexicon detector: what a peer's check does (fold the text, look for terms). */
export function lexiconCheck(lexicon: Detector): (text: string) => Promise<boolean> {
  return async (text) => (await lexicon.detect({ kind: 'text', text, normalized: normalizeForMatching(text) }, {})).evidence.length > 0;
}

/** The pipeline as the service runs it, without the audit log (no peer stores anything). */
export async function pipelineContext(): Promise<TextContext> {
  const detectors = await builtinTextDetectors();
  const policy = { name: 'default', version: 1, body: defaultPolicyBody() };
  return { id: 'dec_bench', createdAt: new Date().toISOString(), policy, lists: [], detectors };
}

export async function runPeers(): Promise<void> {
  const texts = kilobyteTexts(300).map((t) => t.text);
  const n = texts.length;
  console.log(`\n== peers: the same ${n} texts of ~1 KB (EN, ZH, mixed), one call per text, ${MS / 1000} s each, interleaved`);
  const ctx = await pipelineContext();
  const lexicon = ctx.detectors.find((d) => d.name === 'lexicon');
  if (!lexicon) throw new Error('no lexicon detector');
  const detect = lexiconCheck(lexicon);

  const peers = peerFilters();
  const at = (i: number) => texts[i % n];
  const rows = await compare([
    { name: 'bulwark lexicon (normalise + LexiconDetector.detect)', fn: (i) => detect(at(i)) },
    { name: 'bulwark pipeline (moderateText: every detector + policy)', fn: (i) => moderateText({ text: at(i) }, ctx) },
    ...peers.flatMap((p) => [
      { name: `${p.name}.${p.checkCall}`, fn: (i: number) => p.check(at(i)) },
      { name: `${p.name}.${p.findCall}`, fn: (i: number) => p.find(at(i)) },
    ]),
  ], { ms: MS });
  const flagged = [
    await count(texts, detect),
    await count(texts, async (t) => (await moderateText({ text: t }, ctx)).suggestion !== 'pass'),
    ...(await Promise.all(peers.map((p) => count(texts, (t) => p.check(t))))).flatMap((k) => [k, k]),
  ];
  const [lex, pipe] = rows.map((r) => r.ops);
  table('ops/s on 1 KB texts (ratio > 1: Bulwark faster)', ['call', 'ops/s', 'p50 ms', 'p99 ms', 'flagged', 'lexicon ÷ peer', 'pipeline ÷ peer'],
    rows.map((r, k) => [r.name, fmt.int(r.ops), fmt.ms(r.p50), fmt.ms(r.p99), `${flagged[k]}/${n}`, fmt.ratio(lex / r.ops), fmt.ratio(pipe / r.ops)]));
  console.log('flagged: texts with any hit (pipeline: suggestion review or block under the default policy).');
  for (const p of peers) await runSameList(p, texts);
}

/**
 * The matching engines alone: Bulwark's matcher loaded with the peer's own dictionary, against the
 * peer's check and find calls with that dictionary. Plain words are an `exact` list (lower case,
 * word boundaries, every hit with its span; no evasion folding, so none is charged); obscenity's
 * patterns a `pattern` list over the folded text with its whitelist as an allow list, both run as
 * the pipeline runs a tenant's lists, folding included. The peer does whatever folding it does by default.
 */
async function runSameList(peer: PeerFilter, texts: readonly string[]): Promise<void> {
  const n = texts.length;
  const find = sameListFind(peer.name, peer.dictionary);
  const at = (i: number) => texts[i % n];
  const rows = await compare([
    { name: `bulwark matcher, ${peer.name}'s ${peer.dictionary.label}`, fn: (i) => find(at(i)) },
    { name: `${peer.name}.${peer.checkCall}`, fn: (i) => peer.check(at(i)) },
    { name: `${peer.name}.${peer.findCall}`, fn: (i) => peer.find(at(i)) },
  ], { ms: MS });
  const flagged = [await count(texts, (t) => find(t).length > 0), ...Array(2).fill(await count(texts, (t) => peer.check(t)))];
  const ours = rows[0].ops;
  table(`same dictionary: Bulwark's matcher with ${peer.name}'s own (ratio > 1: Bulwark faster)`,
    ['call', 'ops/s', 'p50 ms', 'p99 ms', 'flagged', 'Bulwark ÷ peer'],
    rows.map((r, k) => [r.name, fmt.int(r.ops), fmt.ms(r.p50), fmt.ms(r.p99), `${flagged[k]}/${n}`, fmt.ratio(ours / r.ops)]));
}

/** Every hit of the peer's dictionary in one text, as Bulwark finds it (allow entries applied). */
function sameListFind(name: string, dictionary: PeerDictionary): (text: string) => readonly unknown[] {
  const list = (action: ListAction, match: ListMatch, entries: readonly string[]) =>
    compileKeywordList({ id: `${name}-${action}`, action, category: 'profanity', match, entries });
  const block = list('block', dictionary.match, dictionary.entries);
  if (dictionary.match === 'exact') return (text) => block.find({ original: text } as NormalizedText);
  const lists = [block, ...(dictionary.allow ? [list('allow', 'pattern', dictionary.allow)] : [])];
  return (text) => matchLists(lists, normalizeForMatching(text), new Map()).evidence;
}

async function count(texts: readonly string[], flag: (t: string) => boolean | Promise<boolean>): Promise<number> {
  let k = 0;
  for (const t of texts) if (await flag(t)) k++;
  return k;
}

if (isMain(import.meta.url)) await runPeers();
