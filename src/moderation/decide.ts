// The policy's one verdict over everything found in a piece of content (a text, a picture, a
// recording), in the decision shape every kind answers with; `extra` carries what is particular
// to the kind (maskedText, media, recording, transcript, timeline).

import { performance } from 'node:perf_hooks';
import type { ContentKind } from '../content/index.js';
import { evaluatePolicy } from '../policies/index.js';
import type { Decision } from './decision.js';
import type { Findings } from './findings.js';
import type { ResolvedPolicy } from './sources.js';

export function decide(found: Findings, kind: ContentKind, request: { dataId?: string | null; metadata?: Record<string, unknown> | null },
  ctx: { id: string; createdAt: string; policy: ResolvedPolicy }, started: number, extra: Partial<Decision> = {}): Decision {
  const verdict = evaluatePolicy(ctx.policy.body, found.categories, found.listActions);
  return {
    id: ctx.id,
    kind,
    suggestion: verdict.suggestion,
    policy: `${ctx.policy.name}@${ctx.policy.version}`,
    categories: found.categories,
    evidence: found.evidence,
    reasons: verdict.reasons,
    ...extra,
    models: found.models,
    latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    dataId: request.dataId ?? null,
    metadata: request.metadata ?? null,
    createdAt: ctx.createdAt,
  };
}
