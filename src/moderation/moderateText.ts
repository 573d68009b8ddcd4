// The text pipeline: normalise once, run every text detector, match the tenant's custom lists,
// let allow entries override, then let the policy decide. Nothing here touches storage.

import { performance } from 'node:perf_hooks';
import type { Detection, Detector, TextInput } from '../detectors/index.js';
import { normalizeForMatching } from '../normalize/index.js';
import { evaluatePolicy } from '../policies/index.js';
import type { ListAction } from '../policies/index.js';
import { allowEvidence, applyAllow, categoryResults } from './combine.js';
import type { AllowHit } from './combine.js';
import type { Decision, DecisionEvidence } from './decision.js';
import { maskSpans } from './mask.js';
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

const LIST_SEVERITY = { block: 'high', review: 'medium' } as const;
const LIST_SCORE = { block: 1, review: 0.8 } as const;

export async function moderateText(request: TextRequest, ctx: TextContext): Promise<Decision> {
  const started = performance.now();
  const normalized = normalizeForMatching(request.text);
  const input: TextInput = { kind: 'text', text: request.text, lang: request.lang, normalized };
  const applied = ctx.policy.body.lists === 'all'
    ? ctx.lists
    : ctx.lists.filter((l) => (ctx.policy.body.lists as string[]).includes(l.id));

  const allows: AllowHit[] = [];
  const listEvidence: DecisionEvidence[] = [];
  const listActions: ListAction[] = [];
  for (const list of applied) {
    for (const hit of list.find(normalized)) {
      const rule = `list:${list.name}`;
      if (list.action === 'allow') {
        allows.push({ listId: list.id, rule, category: list.category, text: hit.text, span: hit.span, entry: hit.entry });
        continue;
      }
      listEvidence.push({
        category: list.category, source: 'list', text: hit.text, span: hit.span, rule, entry: hit.entry,
        severity: LIST_SEVERITY[list.action], score: LIST_SCORE[list.action], mask: true,
        action: list.action, listId: list.id,
      });
      listActions.push({ listId: list.id, category: list.category, action: list.action });
    }
  }

  const overridden = new Map<AllowHit, Set<string>>();
  const detections: Detection[] = [];
  const models: Record<string, string> = {};
  for (const detector of ctx.detectors) {
    const detection = await detector.detect(input, { signal: ctx.signal });
    detections.push(applyAllow(detection, allows, overridden));
    models[detector.name] = detector.version;
  }

  const categories = categoryResults(detections, listEvidence);
  const verdict = evaluatePolicy(ctx.policy.body, categories, listActions);
  const evidence: DecisionEvidence[] = [
    ...detections.flatMap((d) => d.evidence),
    ...listEvidence,
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
