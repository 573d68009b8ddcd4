// The text pipeline: normalise once, run every text detector, match the tenant's custom lists,
// let allow entries override, then let the policy decide. Nothing here touches storage.

import { performance } from 'node:perf_hooks';
import type { Detection, Detector, TextInput } from '../detectors/index.js';
import { normalizeForMatching } from '../normalize/index.js';
import { evaluatePolicy } from '../policies/index.js';
import { allowEvidence, applyAllow, categoryResults } from './combine.js';
import type { AllowHit } from './combine.js';
import type { Decision, DecisionEvidence } from './decision.js';
import { maskSpans } from './mask.js';
import { matchLists } from './matchLists.js';
import type { CompiledList, ResolvedPolicy } from './sources.js';

export interface TextRequest {
  text: string;
  lang?: string;
  dataId?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface TextContext {
  id: string;
  createdAt: string;
  policy: ResolvedPolicy;
  lists: readonly CompiledList[];
  detectors: readonly Detector[];
  signal?: AbortSignal;
}

export async function moderateText(request: TextRequest, ctx: TextContext): Promise<Decision> {
  const started = performance.now();
  const normalized = normalizeForMatching(request.text);
  const input: TextInput = { kind: 'text', text: request.text, lang: request.lang, normalized };
  const applied = ctx.policy.body.lists === 'all'
    ? ctx.lists
    : ctx.lists.filter((l) => (ctx.policy.body.lists as string[]).includes(l.id));

  const overridden = new Map<AllowHit, Set<string>>();
  const lists = matchLists(applied, normalized, overridden);
  const detections: Detection[] = [];
  const models: Record<string, string> = {};
  for (const detector of ctx.detectors) {
    const detection = await detector.detect(input, { signal: ctx.signal });
    detections.push(applyAllow(detection, lists.allows, overridden));
    models[detector.name] = detector.version;
  }

  const categories = categoryResults(detections, lists.evidence);
  const verdict = evaluatePolicy(ctx.policy.body, categories, lists.actions);
  const evidence: DecisionEvidence[] = [
    ...detections.flatMap((d) => d.evidence),
    ...lists.evidence,
    ...allowEvidence(overridden),
  ].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const masked = evidence.filter((e) => e.mask && e.span && e.action !== 'allow').map((e) => e.span!);

  return {
    id: ctx.id,
    kind: 'text',
    suggestion: verdict.suggestion,
    policy: `${ctx.policy.name}@${ctx.policy.version}`,
    categories,
    evidence,
    reasons: verdict.reasons,
    maskedText: maskSpans(request.text, masked),
    models,
    latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    dataId: request.dataId ?? null,
    metadata: request.metadata ?? null,
    createdAt: ctx.createdAt,
  };
}
