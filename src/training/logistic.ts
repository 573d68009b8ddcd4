// Multi-head logistic regression over hashed sparse features, trained by AdaGrad with L2, on
// examples that carry a target for some heads only. Deterministic: a seeded shuffle, no threads.

import { DIMENSIONS, sigmoid } from '../detectors/classifier/index.js';
import type { Features } from '../detectors/classifier/index.js';
import { seededRandom } from '../seededRandom.js';

export interface TrainOptions { epochs: number; rate: number; l2: number; seed: number; onEpoch?: (epoch: number, loss: number) => void }

export interface Trained { weights: Float32Array; bias: Float64Array; heads: number }

export function train(features: readonly Features[], targets: readonly Int8Array[], exampleWeights: readonly number[], heads: number, o: TrainOptions): Trained {
  const weights = new Float32Array(DIMENSIONS * heads);
  const squares = new Float32Array(DIMENSIONS * heads);
  const bias = new Float64Array(heads);
  const biasSquares = new Float64Array(heads);
  const positiveWeight = classWeights(targets, heads);
  const order = Uint32Array.from(features.keys());
  const random = seededRandom(o.seed);
  const active = new Int32Array(heads);
  const grad = new Float64Array(heads);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    let seen = 0;
    for (const e of order) {
      const f = features[e];
      const t = targets[e];
      let n = 0;
      for (let h = 0; h < heads; h++) if (t[h] >= 0) active[n++] = h;
      if (n === 0) continue;
      for (let a = 0; a < n; a++) {
        const h = active[a];
        let z = bias[h];
        for (let k = 0; k < f.length; k++) z += f.value[k] * weights[f.index[k] * heads + h];
        const p = sigmoid(z);
        const y = t[h];
        const weight = (y === 1 ? positiveWeight[h] : 1) * exampleWeights[e];
        grad[h] = (p - y) * weight;
        loss -= weight * Math.log(Math.max(1e-12, y === 1 ? p : 1 - p));
        seen++;
        biasSquares[h] += grad[h] * grad[h];
        bias[h] -= (o.rate * grad[h]) / Math.sqrt(biasSquares[h] + 1e-8);
      }
      for (let k = 0; k < f.length; k++) {
        const base = f.index[k] * heads;
        const v = f.value[k];
        for (let a = 0; a < n; a++) {
          const at = base + active[a];
          const g = grad[active[a]] * v + o.l2 * weights[at];
          squares[at] += g * g;
          weights[at] -= (o.rate * g) / Math.sqrt(squares[at] + 1e-8);
        }
      }
    }
    o.onEpoch?.(epoch, loss / Math.max(1, seen));
  }
  return { weights, bias, heads };
}

/** Rare positives weigh more (√(negatives / positives), at most 8): a head with 180 positives still learns. */
function classWeights(targets: readonly Int8Array[], heads: number): Float64Array {
  const out = new Float64Array(heads);
  for (let h = 0; h < heads; h++) {
    let pos = 0;
    let neg = 0;
    for (const t of targets) { if (t[h] === 1) pos++; else if (t[h] === 0) neg++; }
    out[h] = pos === 0 ? 1 : Math.min(8, Math.max(1, Math.sqrt(neg / pos)));
  }
  return out;
}

/** Platt scaling: a, b minimising log loss of σ(a·z + b) against smoothed targets (Newton's method). */
export function fitPlatt(z: readonly number[], y: readonly boolean[]): { a: number; b: number } {
  const pos = y.filter(Boolean).length;
  const neg = y.length - pos;
  if (pos === 0 || neg === 0) return { a: 1, b: 0 };
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0; let gb = 0; let haa = 1e-9; let hab = 0; let hbb = 1e-9;
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * z[i] + b);
      const d = p - (y[i] ? hi : lo);
      const w = p * (1 - p);
      ga += d * z[i]; gb += d;
      haa += w * z[i] * z[i]; hab += w * z[i]; hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da; b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
