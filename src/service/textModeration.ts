// Text moderation as the service does it: resolve the tenant's policy, lists and settings once per
// call, run the pipeline for each text, then record every decision (and open reviews) in the audit
// log, with the content itself only when the tenant's settings say so.

import type { Detector } from '../detectors/index.js';
import { newId, newReviewRow } from '../db/index.js';
import { moderateText } from '../moderation/index.js';
import type { Decision, ModerationSources, TextRequest } from '../moderation/index.js';
import type { DecisionRecorder } from './decisionRecorder.js';
import { decisionToRow, riskOf } from './decisionRows.js';
import type { Metrics } from './metrics.js';

export interface TextCall {
  tenantId: string;
  policy?: string;
  signal?: AbortSignal;
}

/** The tenant settings text moderation follows (the service caches them). */
export type SettingsOf = (tenantId: string) => Promise<{ storeContent: boolean }>;

export class TextModeration {
  readonly #detectors: readonly Detector[];
  readonly #sources: ModerationSources;
  readonly #recorder: DecisionRecorder;
  readonly #metrics: Metrics;
  readonly #settings: SettingsOf;

  constructor(detectors: readonly Detector[], sources: ModerationSources, recorder: DecisionRecorder, metrics: Metrics, settings: SettingsOf) {
    this.#detectors = detectors;
    this.#sources = sources;
    this.#recorder = recorder;
    this.#metrics = metrics;
    this.#settings = settings;
  }

  async moderate(call: TextCall, requests: readonly TextRequest[]): Promise<Decision[]> {
    const policy = await this.#sources.policy(call.tenantId, call.policy ?? 'default');
    const lists = await this.#sources.lists(call.tenantId);
    const { storeContent } = await this.#settings(call.tenantId);
    const decisions: Decision[] = [];
    for (const request of requests) {
      const createdAt = new Date().toISOString();
      const decision = await moderateText(request, {
        id: newId('dec'), createdAt, policy, lists, detectors: this.#detectors, signal: call.signal,
      });
      this.#recorder.record(
        decisionToRow(decision, call.tenantId, request.text, storeContent),
        decision.suggestion === 'review' ? newReviewRow(call.tenantId, decision.id, riskOf(decision), createdAt) : null,
      );
      this.#metrics.countDecision('text', decision.suggestion, decision.categories);
      decisions.push(decision);
    }
    return decisions;
  }
}
