// In-process text throughput and latency of the full pipeline on 1 KB messages, with and without a
// tenant's 100,000-entry custom list, and the parts it is made of (target: p50 ≤ 1 ms per text).
// Run: node dist/bench/text.js

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { newId } from '../src/db/index.js';
import { moderateText } from '../src/moderation/index.js';
import { normalizeForMatching } from '../src/normalize/index.js';
import { createService, DEFAULT_TENANT_ID } from '../src/service/index.js';
import type { Service } from '../src/service/index.js';
import { customEntries, kilobyteTexts, usingSharedData } from './corpus.js';
import type { Mix } from './corpus.js';
import { compare, fmt, isMain, table } from './measure.js';
import type { Sample } from './measure.js';

const ENTRIES = 100_000;
const TARGET_P50_MS = 1;

type TextCall = Parameters<Service['text']['moderate']>[0];

export async function runText(): Promise<void> {
  const corpus = kilobyteTexts(300);
  const texts = corpus.map((t) => t.text);
  const n = texts.length;
  console.log(`\n== text: ${n} texts of ~1 KB (${usingSharedData() ? 'from ../shared/data' : 'generated'}; EN, ZH, mixed), one text per call`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bulwark-bench-'));
  const service = await createService(loadConfig({ BULWARK_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const bare = { tenantId: DEFAULT_TENANT_ID };
    const setup = await tenantWithList(service);
    const listed = { tenantId: setup.tenantId };
    const settle = () => service.recorder.flush();
    const [lexicon] = service.detectors;
    const policy = await service.sources.policy(setup.tenantId, 'default');
    const lists = await service.sources.lists(setup.tenantId);
    const ctx = { id: newId('dec'), createdAt: new Date().toISOString(), policy, lists, detectors: service.detectors };
    const normalized = texts.map((t) => normalizeForMatching(t));
    const at = (i: number) => texts[i % n];
    const rows = await compare([
      { name: 'pipeline, no custom list (audit on)', fn: (i) => service.text.moderate(bare, [{ text: at(i) }]), settle },
      { name: `pipeline + ${fmt.int(ENTRIES)}-entry list (audit on)`, fn: (i) => service.text.moderate(listed, [{ text: at(i) }]), settle },
      { name: `moderateText + ${fmt.int(ENTRIES)}-entry list (no audit)`, fn: (i) => moderateText({ text: at(i) }, ctx) },
      { name: 'parts: normalise', fn: (i) => normalizeForMatching(at(i)) },
      ...service.detectors.map((d) => ({ name: `parts: ${d.name} detector (on normalised text)`,
        fn: (i: number) => d.detect({ kind: 'text', text: at(i), normalized: normalized[i % n] }, {}) })),
      { name: `parts: custom list find (${fmt.int(ENTRIES)} entries)`, fn: (i) => lists[0].find(normalized[i % n]) },
    ], { ms: 2_000 });
    rows.push(...await perMix(service, listed, corpus));
    const [none, full] = rows;
    table(`in-process, 1 KB texts (target p50 ≤ ${TARGET_P50_MS} ms)`, ['what', 'texts/s', 'p50 ms', 'p99 ms', 'MB/s', 'vs no list'],
      rows.map((r) => [r.name, fmt.int(r.ops), fmt.ms(r.p50), fmt.ms(r.p99), (r.ops * 1024 / 1e6).toFixed(2), fmt.ratio(r.ops / none.ops)]));
    const hits = normalized.filter((t) => lists[0].find(t).length > 0).length;
    console.log(`custom list: ${fmt.int(ENTRIES)} entries stored in ${setup.storeMs.toFixed(0)} ms (10 addEntries calls), ` +
      `compiled on first use in ${setup.compileMs.toFixed(0)} ms; ${hits}/${n} texts hit it. Lexicon: ${lexicon.name} ${lexicon.version}.`);
    const verdict = (r: Sample) => (r.p50 <= TARGET_P50_MS ? 'met' : 'MISSED');
    console.log(`target p50 ≤ ${TARGET_P50_MS} ms with the 100k list: ${verdict(full)} on the mix (p50 ${fmt.ms(full.p50)} ms); ` +
      rows.slice(-3).map((r) => `${r.name.replace(/^\W+only /, '').split(' ')[0]} ${verdict(r)} (${fmt.ms(r.p50)} ms)`).join(', '));
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A second tenant whose list is stored through the list store (as the API does); times the first compile. */
async function tenantWithList(service: Service): Promise<{ tenantId: string; storeMs: number; compileMs: number }> {
  const entries = customEntries(ENTRIES);
  const t0 = performance.now();
  const { id: tenantId } = await service.stores.tenants.create('bench-100k');
  const list = await service.stores.lists.create({ tenantId, name: 'bench-100k', kind: 'keyword', action: 'block', category: 'spam', match: 'normalized' });
  for (let i = 0; i < entries.length; i += 10_000) await service.stores.lists.addEntries(tenantId, list.id, entries.slice(i, i + 10_000));
  const t1 = performance.now();
  await service.sources.lists(tenantId);
  return { tenantId, storeMs: t1 - t0, compileMs: performance.now() - t1 };
}

/** The full pipeline with the list, per language mix: Chinese 1 KB is a third as many characters. */
async function perMix(service: Service, call: TextCall, corpus: { text: string; mix: Mix }[]): Promise<Sample[]> {
  return compare((['en', 'zh', 'mixed'] as const).map((mix) => {
    const texts = corpus.filter((t) => t.mix === mix).map((t) => t.text);
    const chars = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
    return { name: `  … only ${mix} texts (${chars} chars), + list, audit on`,
      fn: (i: number) => service.text.moderate(call, [{ text: texts[i % texts.length] }]), settle: () => service.recorder.flush() };
  }), { ms: 2_000 });
}

if (isMain(import.meta.url)) await runText();
