// The text pipeline: normalise once, run every text detector, match the tenant's custom lists,
// let allow entries override, then let the policy decide. Nothing here touches storage.

import { performance } from 'node:perf_hooks';
import type { Category } from '../content/index.js';
import type { Detection, Detector, Span, TextInput } from '../detectors/index.js';
import { normalizeForMatching } from '../normalize/index.js';
import type { CategoryResult, ListAction } from '../policies/index.js';
import { allowEvidence, applyAllow, categoryResults } from './combine.js';
import type { AllowHit } from './combine.js';
import { decide } from './decide.js';
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

/** What the text pipeline finds in one text, before the policy decides. */
export interface TextReading {
  categories: Record<Category, CategoryResult>;
  /** Sorted by where they begin in the text. */
  evidence: DecisionEvidence[];
  listActions: ListAction[];
  models: Record<string, string>;
  /** Spans to mask in the text. */
  masked: Span[];
}

/** Normalises once, runs every text detector and the tenant's lists, lets allow entries override. */
export async function readText(request: Pick<TextRequest, 'text' | 'lang'>, ctx: Omit<TextContext, 'id' | 'createdAt'>): Promise<TextReading> {
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
  const evidence: DecisionEvidence[] = [
    ...detections.flatMap((d) => d.evidence),
    ...lists.evidence,
    ...allowEvidence(overridden),
  ].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return {
    categories: categoryResults(detections, lists.evidence),
    evidence,
    listActions: lists.actions,
    models,
    masked: evidence.filter((e) => e.mask && e.span && e.action !== 'allow').map((e) => e.span!),
  };
}

export async function moderateText(request: TextRequest, ctx: TextContext): Promise<Decision> {
  const started = performance.now();
  const reading = await readText(request, ctx);
  return decide(reading, 'text', request, ctx, started, { maskedText: maskSpans(request.text, reading.masked) });
}
