// Text moderation as the service does it: resolve the tenant's policy and lists once per call,
// run the pipeline for each text, then record every decision (and open reviews) in the audit log.

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
  storeContent: boolean;
  signal?: AbortSignal;
}

export class TextModeration {
  readonly #detectors: readonly Detector[];
  readonly #sources: ModerationSources;
  readonly #recorder: DecisionRecorder;
  readonly #metrics: Metrics;

  constructor(detectors: readonly Detector[], sources: ModerationSources, recorder: DecisionRecorder, metrics: Metrics) {
    this.#detectors = detectors;
    this.#sources = sources;
    this.#recorder = recorder;
    this.#metrics = metrics;
  }

  async moderate(call: TextCall, requests: readonly TextRequest[]): Promise<Decision[]> {
    const policy = await this.#sources.policy(call.tenantId, call.policy ?? 'default');
    const lists = await this.#sources.lists(call.tenantId);
    const decisions: Decision[] = [];
    for (const request of requests) {
      const createdAt = new Date().toISOString();
      const decision = await moderateText(request, {
        id: newId('dec'), createdAt, policy, lists, detectors: this.#detectors, signal: call.signal,
      });
      this.#recorder.record(
        decisionToRow(decision, call.tenantId, request.text, call.storeContent),
        decision.suggestion === 'review' ? newReviewRow(call.tenantId, decision.id, riskOf(decision), createdAt) : null,
      );
      this.#metrics.countDecision('text', decision.suggestion, decision.categories);
      decisions.push(decision);
    }
    return decisions;
  }
}
