// Why Bulwark has its own Aho-Corasick: build time and scan speed at 100,000 entries against the
// npm peers (fastscan, aho-corasick), then the built-in lexicon and a 100k custom list as the
// pipeline runs them. Run: node <outDir>/bench/matcher.js  (prints ratios).

import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBuiltinLexicon } from '../src/detectors/lexicon/index.js';
import { AhoCorasick, compileKeywordList, compileMatcher, plainText } from '../src/lists/index.js';
import { normalizeForMatching } from '../src/normalize/index.js';
import { sharedDataDir } from '../src/paths.js';

const require = createRequire(import.meta.url);
type Peer = { name: string; build(words: string[]): unknown; scan(built: unknown, text: string): number };

function loadPeers(): Peer[] {
  const peers: Peer[] = [];
  try {
    const FastScanner = require('fastscan') as new (w: string[]) => { search(t: string): unknown[] };
    peers.push({ name: 'fastscan', build: (w) => new FastScanner(w), scan: (b, t) => (b as InstanceType<typeof FastScanner>).search(t).length });
  } catch { /* not installed */ }
  try {
    type AC = { add(w: string, d: unknown): void; build_fail(): void; search(t: string, cb: () => void): void };
    const AhoCorasickPeer = require('aho-corasick') as new () => AC;
    peers.push({
      name: 'aho-corasick (npm)',
      build: (w) => { const ac = new AhoCorasickPeer(); for (const x of w) ac.add(x, x); ac.build_fail(); return ac; },
      scan: (b, t) => { let n = 0; (b as AC).search(t, () => { n++; }); return n; },
    });
  } catch { /* not installed */ }
  return peers;
}

/** Realistic text: English tweets and Chinese comments from the shared data, about 4 MB. */
function corpus(): string {
  const dir = sharedDataDir();
  const parts: string[] = [];
  for (const file of ['train/davidson_en.jsonl', 'dev/cold_zh_test.jsonl', 'train/convabuse_en.jsonl']) {
    const p = dir ? path.join(dir, file) : '';
    if (!p || !existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) if (line) parts.push((JSON.parse(line) as { text: string }).text.toLowerCase());
  }
  if (parts.length === 0) for (let i = 0; i < 50_000; i++) parts.push(`message ${i} about the weather and a game, 今天天气很好 ${i % 97}`);
  return parts.join('\n');
}

/**
 * 100k entries. 'dense': word pairs and Chinese 2–4 grams taken from the text itself (a hit every
 * ~20 bytes: the worst case). 'sparse': 2,000 of those plus synthetic terms (a typical blocklist).
 */
function entries(text: string, n: number, real: number): string[] {
  const out = new Set<string>();
  const words = text.split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 2);
  for (let i = 0; i + 1 < words.length && out.size < real / 2; i += 7) out.add(`${words[i]} ${words[i + 1]}`);
  const han = text.match(/\p{sc=Han}{4,}/gu) ?? [];
  for (let i = 0; i < han.length && out.size < (real * 3) / 4; i += 3) out.add(han[i].slice(0, 2 + (i % 3)));
  for (let i = 0; out.size < n; i++) out.add(`zq${(i * 2654435761 % 2 ** 32).toString(36)}`);
  return [...out];
}

/** Best of `runs` timings (the first run also warms the JIT). */
function time<T>(fn: () => T, runs = 1): [T, number] {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return [value, best];
}

function mbps(bytes: number, ms: number): string { return (bytes / 1e6 / (ms / 1000)).toFixed(1); }

function main(): void {
  const text = corpus();
  for (const [label, real] of [['dense', 100_000], ['sparse', 2_000]] as const) run(label, text, entries(text, 100_000, real));
  lexicon(text);
}

/** The built-in lexicon and a 100k custom list as the pipeline runs them: normalised text in. */
function lexicon(text: string): void {
  const bytes = Buffer.byteLength(text);
  const [lex, loadMs] = time(() => loadBuiltinLexicon());
  const [normalized, normMs] = time(() => normalizeForMatching(text), 3);
  const [hits, scanMs] = time(() => lex.matcher.find(normalized), 5);
  console.log(`\nbuilt-in lexicon: ${lex.rows} rows (${lex.forms} with pinyin), load ${loadMs.toFixed(0)} ms; ` +
    `normalise ${mbps(bytes, normMs)} MB/s, lexicon scan ${mbps(bytes, scanMs)} MB/s, ${hits.length} hits`);
  const messages = text.split('\n').slice(0, 20_000).map((m) => normalizeForMatching(m));
  const [, perMsg] = time(() => { for (const m of messages) lex.matcher.find(m); }, 3);
  console.log(`built-in lexicon on ${messages.length} short messages (tweets, comments): ${(messages.length / (perMsg / 1000)).toFixed(0)} finds/s`);
  const words = entries(text, 100_000, 2_000);
  const [list, listMs] = time(() => compileKeywordList({ id: 'bench', action: 'block', category: 'spam', match: 'normalized', entries: words }));
  const [found, findMs] = time(() => list.find(normalized), 5);
  console.log(`custom list, 100k normalized entries: compile ${listMs.toFixed(0)} ms (each entry normalised), ` +
    `find ${mbps(bytes, findMs)} MB/s, ${found.length} hits`);
}

function run(label: string, text: string, words: string[]): void {
  const bytes = Buffer.byteLength(text);
  console.log(`\n${label}: text ${(bytes / 1e6).toFixed(2)} MB (${text.length} code units), ${words.length} entries`);
  const rows: Array<{ name: string; buildMs: number; scanMs: number; hits: number }> = [];

  const [ac, acBuild] = time(() => new AhoCorasick(words));
  let raw = 0;
  ac.scan(text, () => { raw++; });
  const [, acScan] = time(() => { raw = 0; ac.scan(text, () => { raw++; }); }, 5);
  rows.push({ name: 'bulwark AhoCorasick (raw scan)', buildMs: acBuild, scanMs: acScan, hits: raw });

  const [matcher, mBuild] = time(() => compileMatcher(words.map((w) => ({ pattern: w, payload: w, masked: true }))));
  const input = plainText(text);
  matcher.find(input);
  const [found, mScan] = time(() => matcher.find(input), 5);
  rows.push({ name: 'bulwark matcher (boundaries, spans, masks)', buildMs: mBuild, scanMs: mScan, hits: found.length });

  for (const peer of loadPeers()) {
    const [built, b] = time(() => peer.build(words));
    peer.scan(built, text);
    const [hits, s] = time(() => peer.scan(built, text), 5);
    rows.push({ name: peer.name, buildMs: b, scanMs: s, hits });
  }
  const base = rows[1];
  for (const r of rows) {
    console.log(`${r.name.padEnd(44)} build ${r.buildMs.toFixed(0).padStart(5)} ms  scan ${mbps(bytes, r.scanMs).padStart(6)} MB/s  ` +
      `hits ${String(r.hits).padStart(8)}  scan time ×${(r.scanMs / base.scanMs).toFixed(2)} of bulwark matcher`);
  }
  const small = plainText(text.slice(0, 1000));
  const [, oneK] = time(() => { for (let i = 0; i < 2000; i++) matcher.find(small); }, 3);
  console.log(`1 KB messages: ${(2000 / (oneK / 1000)).toFixed(0)} finds/s`);
}

main();
