// `bulwark eval FILE.jsonl…`: scores labelled data (the shared format) in-process or through a
// running server, and prints per-category AUPRC, precision, recall and false-positive rate at the
// policy's thresholds. `--report FILE` writes docs/accuracy.md from every file of the dev set.

import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluate, evaluateBy, readLabelled } from '../eval/index.js';
import type { FileResult, Scored, Scorer } from '../eval/index.js';
import { accuracyMarkdown, groupRows, httpScorer, inProcessScorer, textReport, textTable } from '../eval/index.js';
import { sharedDataDir } from '../paths.js';
import { inBatches } from './batches.js';

export interface EvalOptions { json?: boolean; url?: string; key?: string; by?: string; policy?: string; progress?: boolean; report?: string }

export async function evalCommand(files: string[], options: EvalOptions): Promise<void> {
  const inputs = files.length > 0 ? files : options.report ? devFiles() : [];
  if (inputs.length === 0) throw new Error('Give one or more .jsonl files (or --report FILE to run the whole dev set).');
  const scorer = await openScorer(options);
  const started = performance.now();
  try {
    const results: FileResult[] = [];
    for (const file of inputs) {
      const rows = await readLabelled(file);
      const scored = await scoreAll(scorer, rows.map((r) => r.text), path.basename(file), options.progress !== false);
      results.push({ file, rows, scored, report: evaluate(rows, scored) });
    }
    if (options.report) {
      writeFileSync(options.report, accuracyMarkdown(results, scorer.describe(), (performance.now() - started) / 1000));
      process.stderr.write(`wrote ${options.report}\n`);
      return;
    }
    for (const r of results) print(r, options);
  } finally {
    await scorer.close();
  }
}

function print(r: FileResult, options: EvalOptions): void {
  const groups = options.by ? evaluateBy(r.rows, r.scored, options.by) : undefined;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ file: r.file, ...r.report, ...(groups ? { by: { field: options.by, groups } } : {}) })}\n`);
    return;
  }
  process.stdout.write(`\n${r.file} (${r.rows.length} rows)\n${textReport(r.report)}\n`);
  if (groups) {
    const g = groupRows(groups);
    process.stdout.write(`\nby ${options.by} ("unsafe")\n${textTable(g.header, g.rows)}\n`);
  }
}

async function openScorer(options: EvalOptions): Promise<Scorer> {
  if (!options.url) return inProcessScorer(options.policy);
  const key = options.key ?? process.env.BULWARK_API_KEY;
  if (!key) throw new Error('--url needs an API key: --key KEY or BULWARK_API_KEY.');
  return httpScorer(options.url, key, options.policy);
}

async function scoreAll(scorer: Scorer, texts: readonly string[], label: string, progress: boolean): Promise<Scored[]> {
  const out: Scored[] = [];
  await inBatches(texts, label, progress, async (batch) => { out.push(...await scorer.score(batch)); });
  return out;
}

function devFiles(): string[] {
  const dir = sharedDataDir();
  if (!dir) throw new Error('The shared data directory (../shared/data) is missing; name the files to evaluate.');
  const dev = path.join(dir, 'dev');
  return readdirSync(dev).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dev, f));
}
