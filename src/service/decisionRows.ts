// Decision ↔ database row. The content itself is stored only when the tenant opted in;
// its SHA-256 always is, so repeated content can be recognised without keeping it.

import { createHash } from 'node:crypto';
import type { ReplayRow } from '../db/index.js';
import type { DecisionTable } from '../db/schema.js';
import type { Decision, ReplayedDecision } from '../moderation/index.js';
import { flaggedCategories } from '../moderation/index.js';

export function contentHash(content: string): string {
  return `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

/**
 * The row of a decision. `content` is the text (stored only when `storeContent`); a picture's or a
 * recording's bytes are never stored, only their SHA-256 (`media.sha256`, `recording.sha256`).
 */
export function decisionToRow(d: Decision, tenantId: string, content: string | null, storeContent: boolean): DecisionTable {
  const flagged = flaggedCategories(d.categories);
  return {
    id: d.id,
    tenant_id: tenantId,
    kind: d.kind,
    content_hash: content !== null ? contentHash(content) : `sha256:${d.media?.sha256 ?? d.recording?.sha256 ?? ''}`,
    content: storeContent ? content : null,
    suggestion: d.suggestion,
    policy: d.policy,
    categories: JSON.stringify(d.categories),
    flagged: flagged.length ? `,${flagged.join(',')},` : '',
    evidence: JSON.stringify({ evidence: d.evidence, reasons: d.reasons, maskedText: d.maskedText, media: d.media, recording: d.recording, transcript: d.transcript, timeline: d.timeline }),
    models: JSON.stringify(d.models),
    latency_ms: d.latencyMs,
    data_id: d.dataId,
    metadata: d.metadata ? JSON.stringify(d.metadata) : null,
    created_at: d.createdAt,
  };
}

export interface StoredDecision extends Decision { contentHash: string; content: string | null }

export function rowToDecision(row: DecisionTable): StoredDecision {
  const extra = JSON.parse(row.evidence) as Pick<Decision, 'evidence' | 'reasons' | 'maskedText' | 'media' | 'recording' | 'transcript' | 'timeline'>;
  return {
    id: row.id,
    kind: row.kind as Decision['kind'],
    suggestion: row.suggestion as Decision['suggestion'],
    policy: row.policy,
    categories: JSON.parse(row.categories) as Decision['categories'],
    evidence: extra.evidence,
    reasons: extra.reasons,
    ...(extra.maskedText !== undefined ? { maskedText: extra.maskedText } : {}),
    ...(extra.media !== undefined ? { media: extra.media } : {}),
    ...(extra.recording !== undefined ? { recording: extra.recording } : {}),
    ...(extra.transcript !== undefined ? { transcript: extra.transcript } : {}),
    ...(extra.timeline !== undefined ? { timeline: extra.timeline } : {}),
    models: JSON.parse(row.models) as Record<string, string>,
    latencyMs: Number(row.latency_ms),
    dataId: row.data_id,
    metadata: row.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : null,
    createdAt: row.created_at,
    contentHash: row.content_hash,
    content: row.content,
  };
}

/** The part of a stored decision a policy preview replays. */
export function rowToReplayed(row: ReplayRow): ReplayedDecision {
  return {
    id: row.id,
    policy: row.policy,
    categories: JSON.parse(row.categories) as Decision['categories'],
    evidence: (JSON.parse(row.evidence) as Pick<Decision, 'evidence'>).evidence,
  };
}

export function riskOf(d: Decision): number {
  return Math.max(0, ...Object.values(d.categories).map((c) => c.score));
}

