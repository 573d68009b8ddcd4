// The trained text classifier: one logistic head per category over hashed features, int8
// weights interleaved by feature (a feature's heads sit side by side), each head's raw score
// calibrated by Platt scaling on data training never saw. Files: models/text-classifier/.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Category, Severity } from '../../content/index.js';
import { projectRoot } from '../../paths.js';
import { DIMENSIONS, FEATURE_BITS } from './features.js';
import type { Features } from './features.js';

export interface HeadCard {
  category: Category;
  bias: number;
  /** int8 weight × scale = weight. */
  scale: number;
  /** Platt scaling: p = σ(a · z + b). */
  platt: { a: number; b: number };
  /** Calibrated probability at which each severity begins. */
  severity: { low: number; medium: number; high: number };
}

export interface ModelCard { version: string; featureBits: number; heads: HeadCard[]; trainedOn: string[]; metrics?: unknown }

export const MODEL_DIR = path.join(projectRoot(), 'models', 'text-classifier');

export class TextClassifierModel {
  readonly card: ModelCard;
  readonly #weights: Int8Array;
  readonly #heads: number;

  constructor(card: ModelCard, weights: Int8Array) {
    if (card.featureBits !== FEATURE_BITS) throw new Error(`model has ${card.featureBits} feature bits, code expects ${FEATURE_BITS}`);
    if (weights.length !== DIMENSIONS * card.heads.length) throw new Error(`weights hold ${weights.length} values, expected ${DIMENSIONS * card.heads.length}`);
    this.card = card;
    this.#weights = weights;
    this.#heads = card.heads.length;
  }

  static load(dir = MODEL_DIR): TextClassifierModel {
    const card = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as ModelCard;
    const bytes = readFileSync(path.join(dir, 'weights.bin'));
    return new TextClassifierModel(card, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** Raw (uncalibrated) scores per head, in card order. */
  raw(f: Features): Float64Array {
    const h = this.#heads;
    const sums = new Float64Array(h);
    const w = this.#weights;
    for (let k = 0; k < f.length; k++) {
      const at = f.index[k] * h;
      const v = f.value[k];
      for (let j = 0; j < h; j++) sums[j] += v * w[at + j];
    }
    const heads = this.card.heads;
    for (let j = 0; j < h; j++) sums[j] = sums[j] * heads[j].scale + heads[j].bias;
    return sums;
  }

  /** Calibrated probabilities per head, in card order. */
  predict(f: Features): number[] {
    const raw = this.raw(f);
    return this.card.heads.map((head, j) => sigmoid(head.platt.a * raw[j] + head.platt.b));
  }
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function severityFor(head: HeadCard, p: number): Severity {
  if (p >= head.severity.high) return 'high';
  if (p >= head.severity.medium) return 'medium';
  if (p >= head.severity.low) return 'low';
  return 'none';
}
