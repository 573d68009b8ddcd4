// The picture pipeline once a worker has analysed the file (images/analysis.ts): text read from the
// picture (QR payloads) goes through the whole text pipeline, tenant lists included; its evidence
// says where in the picture it was read; then the policy decides once for the picture.

import { performance } from 'node:perf_hooks';
import type { Category } from '../content/index.js';
import { maxSeverity } from '../content/index.js';
import type { ImageAnalysis } from '../images/analysis.js';
import { evaluatePolicy } from '../policies/index.js';
import type { CategoryResult, ListAction } from '../policies/index.js';
import { categoryResults } from './combine.js';
import type { Decision, DecisionEvidence } from './decision.js';
import { readText } from './moderateText.js';
import type { TextContext } from './moderateText.js';

export interface ImageRequest {
  dataId?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** Versions of the picture readers, recorded in each decision's `models`. */
export const IMAGE_READERS = { pdq: '1', qr: 'zxing-wasm 3' } as const;

export async function moderateImage(analysis: ImageAnalysis, request: ImageRequest, ctx: TextContext): Promise<Decision> {
  const started = performance.now();
  const categories = categoryResults([], []);
  const evidence: DecisionEvidence[] = [];
  const listActions: ListAction[] = [];
  const models: Record<string, string> = { ...IMAGE_READERS };
  for (const qr of analysis.qr) {
    const reading = await readText({ text: qr.text }, ctx);
    merge(categories, reading.categories);
    listActions.push(...reading.listActions);
    Object.assign(models, reading.models);
    for (const e of reading.evidence) {
      evidence.push({ ...e, source: 'qr', region: qr.region, readText: qr.text, ...(analysis.info.frames > 1 ? { frame: qr.frame } : {}) });
    }
  }
  const verdict = evaluatePolicy(ctx.policy.body, categories, listActions);
  const { info, hashes } = analysis;
  return {
    id: ctx.id,
    kind: 'image',
    suggestion: verdict.suggestion,
    policy: `${ctx.policy.name}@${ctx.policy.version}`,
    categories,
    evidence,
    reasons: verdict.reasons,
    media: {
      format: info.format, width: info.width, height: info.height, frames: info.frames, bytes: info.bytes,
      sha256: hashes.sha256, pdq: hashes.pdq, pdqQuality: hashes.quality,
    },
    models,
    latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    dataId: request.dataId ?? null,
    metadata: request.metadata ?? null,
    createdAt: ctx.createdAt,
  };
}

/** Each category: the higher score and the higher severity of the two. */
function merge(into: Record<Category, CategoryResult>, from: Readonly<Record<Category, CategoryResult>>): void {
  for (const category of Object.keys(into) as Category[]) {
    into[category].score = Math.max(into[category].score, from[category].score);
    into[category].severity = maxSeverity(into[category].severity, from[category].severity);
  }
}
