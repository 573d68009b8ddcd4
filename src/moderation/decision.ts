// The decision Bulwark answers with and stores: one suggestion, every category's score and
// severity, and the evidence for it. Its shape is public API: keep it stable.

import type { Category, ContentKind, Severity, Suggestion } from '../content/index.js';
import type { Evidence } from '../detectors/index.js';
import type { CategoryResult, Reason } from '../policies/index.js';

export interface DecisionEvidence extends Evidence {
  /** For custom-list evidence: what the list does ('allow' evidence records an override). */
  action?: 'allow' | 'review' | 'block';
  /** Rules an allow entry overrode. */
  overrides?: string[];
  listId?: string;
}

/** What was moderated, for a picture: enough to draw evidence boxes and to add it to a hash list. */
export interface MediaInfo {
  format: string;
  width: number;
  height: number;
  frames: number;
  bytes: number;
  sha256: string;
  /** PDQ hash (64 hex digits) and its quality (0–100; below 50 the picture is too flat to match by). */
  pdq: string;
  pdqQuality: number;
}

/** Audio and video: what was moderated (never stored itself: its SHA-256 is). */
export interface RecordingInfo {
  format: string;
  /** Seconds. */
  duration: number;
  bytes: number;
  sha256: string;
  video: { width: number; height: number } | null;
  /** Video: frames sampled (every `interval` seconds and at scene changes) and analysed (near-duplicates skipped). */
  frames?: { interval: number; sampled: number; analysed: number };
}

/** A flagged moment of a recording: when, and which categories. */
export interface Moment { start: number; end: number; categories: Category[]; severity: Severity }

/** What was heard, with when; `text` and `segments` are empty when the tenant omits transcripts. */
export interface Transcript {
  language: string;
  /** The speech engine, or null when none speaks the language (then `note` says so). */
  engine: string | null;
  text: string;
  segments: { start: number; end: number; text: string }[];
  note?: string;
}

export interface Decision {
  id: string;
  kind: ContentKind;
  suggestion: Suggestion;
  /** name@version of the policy that decided. */
  policy: string;
  categories: Record<Category, CategoryResult>;
  evidence: DecisionEvidence[];
  reasons: Reason[];
  maskedText?: string;
  /** Pictures: format, size and hashes. */
  media?: MediaInfo;
  /** Audio and video: format, duration, size, hash. */
  recording?: RecordingInfo;
  /** Audio and video: what was heard. */
  transcript?: Transcript;
  /** Audio and video: the flagged moments, in order. */
  timeline?: Moment[];
  /** Detector name → version, for the audit trail. */
  models: Record<string, string>;
  latencyMs: number;
  dataId: string | null;
  metadata: Record<string, unknown> | null;
  createdAt: string;
}

/** Severity implied by a score when no rule supplied one (classifier-style detections). */
export function severityFromScore(score: number): Severity {
  if (score >= 0.9) return 'high';
  if (score >= 0.7) return 'medium';
  if (score >= 0.4) return 'low';
  return 'none';
}

export function flaggedCategories(categories: Record<Category, CategoryResult>): Category[] {
  return (Object.keys(categories) as Category[]).filter((c) => categories[c].severity !== 'none');
}
