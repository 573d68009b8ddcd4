// What audio, video and live-stream moderation share: the stores, the tenant's policies, lists and
// settings, the text detectors, where decisions go, and the readers (speech engine, picture threads).

import { newReviewRow } from '../db/index.js';
import type { Stores } from '../db/index.js';
import type { Detector } from '../detectors/index.js';
import type { Decision, ModerationSources } from '../moderation/index.js';
import type { SpeechEngine } from '../voice/speechEngine.js';
import type { WebhookEvents } from '../webhooks/events.js';
import type { DecisionRecorder } from './decisionRecorder.js';
import { decisionToRow, riskOf } from './decisionRows.js';
import type { ImageModeration } from './imageModeration.js';
import type { Metrics } from './metrics.js';
import type { ReviewMedia } from './reviewMedia.js';
import type { TenantSettings } from './service.js';

export interface MediaDeps {
  stores: Stores;
  sources: ModerationSources;
  settingsOf(tenantId: string): Promise<TenantSettings>;
  detectors: readonly Detector[];
  recorder: DecisionRecorder;
  metrics: Metrics;
  webhooks: WebhookEvents;
  engine: SpeechEngine;
  images: ImageModeration;
  /** Where flagged media is kept for reviewers (when the tenant stores content). */
  media: ReviewMedia;
}

/**
 * Text on screen stays for seconds: OCR (~0.1 s a 768 px frame, about as much as the rest of its
 * analysis) reads a video frame at most this often, and a recorded video's at every scene change too
 * (docs/benchmarks.md, "Video end to end").
 */
const OCR_EVERY_SECONDS = 3;

/** Which frames OCR reads, in time order: a scene change, or OCR_EVERY_SECONDS since the last read. */
export function textReadSchedule(): (time: number, sceneChange: boolean) => boolean {
  let lastRead = -Infinity;
  return (time, sceneChange) => {
    if (!sceneChange && time - lastRead < OCR_EVERY_SECONDS - 1e-6) return false;
    lastRead = time;
    return true;
  };
}

/** What judging a recording or a stream's moment needs from the tenant: its policy, lists (keyword and image) and settings, with the detectors. */
export interface MediaContext {
  policy: Awaited<ReturnType<ModerationSources['policy']>>;
  lists: Awaited<ReturnType<ModerationSources['lists']>>;
  imageLists: Awaited<ReturnType<ModerationSources['imageLists']>>;
  detectors: readonly Detector[];
  includeTranscript: boolean;
}

export async function mediaContext(deps: MediaDeps, tenantId: string, policy = 'default'): Promise<MediaContext> {
  return {
    policy: await deps.sources.policy(tenantId, policy),
    lists: await deps.sources.lists(tenantId),
    imageLists: await deps.sources.imageLists(tenantId),
    detectors: deps.detectors,
    includeTranscript: (await deps.settingsOf(tenantId)).includeTranscript,
  };
}

/** Records a media decision in the audit log (never the media: its SHA-256), opening a review when it says review. */
export function recordMediaDecision(deps: MediaDeps, decision: Decision, tenantId: string): void {
  deps.recorder.record(
    decisionToRow(decision, tenantId, null, false),
    decision.suggestion === 'review' ? newReviewRow(tenantId, decision.id, riskOf(decision), decision.createdAt) : null,
  );
  deps.metrics.countDecision(decision.kind, decision.suggestion, decision.categories);
}
