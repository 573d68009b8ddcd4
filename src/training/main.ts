// `npm run train [-- --out DIR]`: trains the text classifier from ../shared/data/train and the SpamAssassin
// corpus, calibrates it on a split training never saw, measures it on another, and writes
// models/text-classifier/ (model.json + int8 weights.bin). Deterministic: same data, same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Category } from '../content/index.js';
import { featurize, FEATURE_BITS, MODEL_DIR, TextClassifierModel } from '../detectors/classifier/index.js';
import type { Features, HeadCard, ModelCard } from '../detectors/classifier/index.js';
import { averagePrecision, countsOf, precision, recall } from '../eval/index.js';
import { normalizeForMatching } from '../normalize/index.js';
import { sharedDataDir } from '../paths.js';
import { sharedExamples, spamAssassinExamples, splitOf, TRAIN_FILES } from './corpus.js';
import type { Example, Split } from './corpus.js';
import { fitPlatt, train } from './logistic.js';

const MODEL_VERSION = '2026.11.2';
const HEADS: Category[] = ['harassment', 'hate', 'sexual', 'spam'];
/** Severities begin where the calibration split reaches these precisions (medium: the policy reviews; high: it blocks). */
const PRECISION_FOR = { medium: 0.85, high: 0.97 };
const OPTIONS = { epochs: 6, rate: 0.05, l2: 1e-6, seed: 20261121 };

const log = (message: string) => process.stderr.write(`train: ${message}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : MODEL_DIR;
  const dir = sharedDataDir();
  if (!dir) throw new Error('../shared/data is missing: training needs the shared training data.');
  const examples = [...await sharedExamples(dir, HEADS), ...spamAssassinExamples(HEADS)];
  log(`${examples.length} examples from ${TRAIN_FILES.length} files and the SpamAssassin corpus; featurising…`);
  const features = examples.map((e, i) => {
    if (i % 20_000 === 0 && i > 0) log(`  featurised ${i}/${examples.length}`);
    return featurize(normalizeForMatching(e.text).text);
  });
  const split = (s: Split) => examples.map((e, i) => i).filter((i) => splitOf(examples[i].id) === s);
  const [fit, calibration, test] = [split('train'), split('calibration'), split('test')];
  log(`split: ${fit.length} train, ${calibration.length} calibration, ${test.length} held out`);

  const trained = train(fit.map((i) => features[i]), fit.map((i) => examples[i].targets), fit.map((i) => examples[i].weight), HEADS.length,
    { ...OPTIONS, onEpoch: (epoch, loss) => log(`  epoch ${epoch}/${OPTIONS.epochs}: loss ${loss.toFixed(4)}`) });
  const { weights, scales } = quantise(trained.weights, HEADS.length);
  const uncalibrated: HeadCard[] = HEADS.map((category, h) => ({
    category, bias: trained.bias[h], scale: scales[h], platt: { a: 1, b: 0 }, severity: { low: 0.5, medium: 0.5, high: 0.9 },
  }));
  const card: ModelCard = { version: MODEL_VERSION, featureBits: FEATURE_BITS, heads: uncalibrated, trainedOn: [...TRAIN_FILES, 'spam_assassin'] };
  // The model reads card.heads at every call, so it predicts with each calibration step as it lands.
  const model = new TextClassifierModel(card, weights);
  const labelled = HEADS.map((_, h) => calibration.filter((i) => examples[i].targets[h] >= 0));
  const truth = labelled.map((rows, h) => rows.map((i) => examples[i].targets[h] === 1));
  const scores = (score: (f: Features) => ArrayLike<number>) => {
    const byRow = new Map(calibration.map((i) => [i, score(features[i])]));
    return (h: number) => labelled[h].map((i) => (byRow.get(i) as ArrayLike<number>)[h]);
  };
  const raw = scores((f) => model.raw(f));
  card.heads = uncalibrated.map((head, h) => ({ ...head, platt: fitPlatt(raw(h), truth[h]) }));
  const calibrated = scores((f) => model.predict(f));
  card.heads = card.heads.map((head, h) => ({ ...head, severity: severities(calibrated(h), truth[h]) }));
  card.metrics = heldOut(model, examples, features, test);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'weights.bin'), weights);
  writeFileSync(path.join(out, 'model.json'), `${JSON.stringify(card, null, 2)}\n`);
  log(`wrote ${out} (${(weights.byteLength / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.stdout.write(`${JSON.stringify(card.metrics, null, 2)}\n`);
}

/**
 * Medium begins at the lowest probability from which the calibration split's precision stays at
 * PRECISION_FOR.medium (never below 0.5), high likewise; low at half of medium.
 */
function severities(p: number[], truth: boolean[]): HeadCard['severity'] {
  const from = (target: number, floor: number): number => {
    const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a]);
    let tp = 0;
    let best = 1;
    for (let k = 0; k < order.length; k++) {
      if (truth[order[k]]) tp++;
      if (tp / (k + 1) >= target) best = p[order[k]];
    }
    return Math.round(Math.min(0.99, Math.max(floor, best)) * 1000) / 1000;
  };
  const medium = from(PRECISION_FOR.medium, 0.5);
  const high = Math.max(medium, from(PRECISION_FOR.high, 0.9));
  return { low: Math.round((medium / 2) * 1000) / 1000, medium, high };
}

/** int8 per head: scale = max |w| / 127. */
function quantise(w: Float32Array, heads: number): { weights: Int8Array; scales: number[] } {
  const scales = Array.from({ length: heads }, (_, h) => {
    let max = 0;
    for (let k = h; k < w.length; k += heads) max = Math.max(max, Math.abs(w[k]));
    return max > 0 ? max / 127 : 1;
  });
  const weights = new Int8Array(w.length);
  for (let k = 0; k < w.length; k++) weights[k] = Math.round(w[k] / scales[k % heads]);
  return { weights, scales };
}

/** Per head and per source on the held-out split: AUPRC, and precision/recall at p ≥ 0.5. */
function heldOut(model: TextClassifierModel, examples: Example[], features: Features[], test: number[]): Record<string, unknown> {
  const probs = new Map(test.map((i) => [i, model.predict(features[i])]));
  const out: Record<string, unknown> = {};
  HEADS.forEach((category, h) => {
    const bySource: Record<string, unknown> = {};
    const measure = (rows: number[]) => {
      const truth = rows.map((i) => examples[i].targets[h] === 1);
      const p = rows.map((i) => probs.get(i)![h]);
      const c = countsOf(p.map((v) => v >= 0.5), truth);
      const round = (v: number) => (Number.isNaN(v) ? null : Math.round(v * 1000) / 1000);
      return { rows: rows.length, positives: c.tp + c.fn, auprc: round(averagePrecision(p, truth)), precision: round(precision(c)), recall: round(recall(c)) };
    };
    const rows = test.filter((i) => examples[i].targets[h] >= 0);
    for (const source of [...new Set(rows.map((i) => examples[i].source))]) bySource[source] = measure(rows.filter((i) => examples[i].source === source));
    out[category] = { all: measure(rows), bySource, reliability: reliability(rows.map((i) => probs.get(i)![h]), rows.map((i) => examples[i].targets[h] === 1)) };
  });
  return out;
}

/** Calibration check: in each band of predicted probability, the mean prediction against the share that was positive. */
function reliability(p: number[], truth: boolean[]): Array<{ band: string; rows: number; predicted: number; observed: number }> {
  const edges = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001];
  const out = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const idx = p.map((_, i) => i).filter((i) => p[i] >= edges[b] && p[i] < edges[b + 1]);
    if (idx.length === 0) continue;
    const mean = (xs: number[]) => Math.round((xs.reduce((a, x) => a + x, 0) / xs.length) * 1000) / 1000;
    out.push({ band: `${edges[b]}–${Math.min(1, edges[b + 1])}`, rows: idx.length, predicted: mean(idx.map((i) => p[i])), observed: mean(idx.map((i) => (truth[i] ? 1 : 0))) });
  }
  return out;
}

main().catch((err: unknown) => {
  process.stderr.write(`train: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
