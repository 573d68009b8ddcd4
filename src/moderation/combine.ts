// Turns detections, custom-list hits and allow entries into category results. An allow entry
// removes evidence of its own category that lies inside its span (and says so); scores are then
// rebuilt from what remains. Containment, not overlap: allowing "kill" in one list must not
// silence "I will kill you", and a profanity allow entry must not silence a threat.

import { CATEGORIES, maxSeverity } from '../content/index.js';
import type { Category } from '../content/index.js';
import type { Detection, Span } from '../detectors/index.js';
import type { CategoryResult } from '../policies/index.js';
import { severityFromScore } from './decision.js';
import type { DecisionEvidence } from './decision.js';

export interface AllowHit { listId: string; rule: string; category: Category; text: string; span: Span; entry?: string }

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The allow hit that silences this evidence, if any. */
export function allowFor(e: { category: Category; span?: Span }, allows: readonly AllowHit[]): AllowHit | undefined {
  return e.span ? allows.find((a) => a.category === e.category && contains(a.span, e.span as Span)) : undefined;
}

/** Records that `allow` overrode `rule`, for the allow evidence of the decision. */
export function noteOverride(overridden: Map<AllowHit, Set<string>>, allow: AllowHit, rule: string): void {
  const rules = overridden.get(allow) ?? new Set<string>();
  rules.add(rule);
  overridden.set(allow, rules);
}

/** Applies allow hits to one detection; returns the detection with scores rebuilt if anything was removed. */
export function applyAllow(detection: Detection, allows: readonly AllowHit[], overridden: Map<AllowHit, Set<string>>): Detection {
  if (allows.length === 0) return detection;
  const kept = detection.evidence.filter((e) => {
    const allow = allowFor(e, allows);
    if (allow) noteOverride(overridden, allow, e.rule);
    return !allow;
  });
  if (kept.length === detection.evidence.length) return detection;
  const removed = new Set(detection.evidence.filter((e) => !kept.includes(e)).map((e) => e.category));
  const scores = { ...detection.scores };
  for (const category of removed) {
    const rest = kept.filter((e) => e.category === category).map((e) => e.score);
    scores[category] = rest.length ? Math.max(...rest) : 0;
  }
  return { scores, evidence: kept };
}

export function allowEvidence(overridden: Map<AllowHit, Set<string>>): DecisionEvidence[] {
  return [...overridden].map(([hit, rules]) => ({
    category: hit.category, source: 'list', text: hit.text, span: hit.span, rule: hit.rule,
    severity: 'none', score: 0, action: 'allow', overrides: [...rules], listId: hit.listId,
    ...(hit.entry ? { entry: hit.entry } : {}),
  }));
}

export function categoryResults(detections: readonly Detection[], listEvidence: readonly DecisionEvidence[]): Record<Category, CategoryResult> {
  const results = {} as Record<Category, CategoryResult>;
  for (const category of CATEGORIES) results[category] = { score: 0, severity: 'none' };
  for (const detection of detections) {
    for (const [category, score] of Object.entries(detection.scores) as [Category, number][]) {
      results[category].score = Math.max(results[category].score, clamp(score));
    }
    for (const e of detection.evidence) results[e.category].severity = maxSeverity(results[e.category].severity, e.severity);
  }
  for (const e of listEvidence) {
    if (e.action === 'allow') continue;
    results[e.category].score = Math.max(results[e.category].score, e.score);
    results[e.category].severity = maxSeverity(results[e.category].severity, e.severity);
  }
  for (const result of Object.values(results)) {
    if (result.severity === 'none') result.severity = severityFromScore(result.score);
    result.score = Math.round(result.score * 1e4) / 1e4;
  }
  return results;
}

function clamp(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}
