// What the pipeline has found in a picture or a recording before the policy decides, and how each
// reader's results are added to it: a category's score and severity only ever go up.

import type { Category, Region, Severity, TimeRange } from '../content/index.js';
import { maxSeverity } from '../content/index.js';
import type { Detection } from '../detectors/index.js';
import type { CategoryResult } from '../policies/index.js';
import { categoryResults } from './combine.js';
import type { TextReading } from './moderateText.js';

export type Findings = Omit<TextReading, 'masked'>;

export function noFindings(models: Record<string, string> = {}): Findings {
  return { categories: categoryResults([], []), evidence: [], listActions: [], models };
}

/** A picture detector's scores and evidence; its evidence alone sets severities (no severity is read from a bare score). */
export function addDetection(found: Findings, detection: Detection): void {
  for (const [category, score] of Object.entries(detection.scores) as [Category, number][]) raise(found.categories[category], score, 'none');
  for (const e of detection.evidence) raise(found.categories[e.category], e.score, e.severity);
  found.evidence.push(...detection.evidence);
}

/**
 * Another reading's findings (a video frame's), each piece of evidence given `at` as its time and its
 * region scaled by `scale` (a frame sampled smaller than the video: regions in the video's pixels).
 */
export function addTimed(found: Findings, other: Findings, at: TimeRange, scale = 1): void {
  const scaled = (r: Region): Region => ({ x: Math.round(r.x * scale), y: Math.round(r.y * scale), w: Math.round(r.w * scale), h: Math.round(r.h * scale) });
  addReading(found, { ...other, masked: [], evidence: other.evidence.map((e) => ({ ...e, time: at, ...(e.region ? { region: scaled(e.region) } : {}) })) });
}

export function addReading(found: Findings, reading: TextReading): void {
  for (const category of Object.keys(found.categories) as Category[]) {
    raise(found.categories[category], reading.categories[category].score, reading.categories[category].severity);
  }
  found.evidence.push(...reading.evidence);
  found.listActions.push(...reading.listActions);
  Object.assign(found.models, reading.models);
}

/** The category's score and severity, raised to these if they are higher. */
export function raise(result: CategoryResult, score: number, severity: Severity): void {
  result.score = Math.max(result.score, score);
  result.severity = maxSeverity(result.severity, severity);
}
