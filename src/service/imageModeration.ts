// Picture moderation as the service does it: resolve the tenant's policy and lists, analyse the file
// in a worker thread (started on first use, or at `serve` by warmUp), decide, and record the
// decision (its SHA-256, PDQ hash and size are in `media`). The picture itself is kept for
// reviewers only when the tenant stores content and the machine flagged it (reviewMedia.ts).

import { performance } from 'node:perf_hooks';
import { newId, newReviewRow } from '../db/index.js';
import type { ImageLimits } from '../images/decode.js';
import { ImageWorkers } from '../images/workerPool.js';
import type { ImageAnalysis } from '../images/analysis.js';
import type { Category, Region } from '../content/index.js';
import { blurRegions } from '../images/blur.js';
import { moderateImage, readText, touchedParts } from '../moderation/index.js';
import type { Decision, ImageRequest, ModerationSources } from '../moderation/index.js';
import type { Detector, ReadPart } from '../detectors/index.js';
import type { DecisionRecorder } from './decisionRecorder.js';
import { decisionToRow, riskOf } from './decisionRows.js';
import type { Metrics } from './metrics.js';
import { pictureType } from './reviewMedia.js';
import type { ReviewMedia } from './reviewMedia.js';
import type { TextCall } from './textModeration.js';

export interface Redaction { bytes: Buffer; contentType: string; faces: number; textRegions: number }

/** Text a redaction blurs: personal data and contact details. */
const REDACTED: readonly Category[] = ['pii', 'ads'];

export interface ImageSettings { limits: ImageLimits; threads: number; timeoutMs: number; ocr: boolean }

export class ImageModeration {
  readonly settings: ImageSettings;
  readonly #detectors: readonly Detector[];
  readonly #sources: ModerationSources;
  readonly #recorder: DecisionRecorder;
  readonly #metrics: Metrics;
  readonly #media: ReviewMedia;
  #workers: ImageWorkers | null = null;
  #ready = false;

  constructor(settings: ImageSettings, detectors: readonly Detector[], sources: ModerationSources, recorder: DecisionRecorder, metrics: Metrics,
    media: ReviewMedia) {
    this.settings = settings;
    this.#media = media;
    this.#detectors = detectors;
    this.#sources = sources;
    this.#recorder = recorder;
    this.#metrics = metrics;
  }

  /** Starts the worker threads now and waits until they are ready (serve calls it at start). */
  async warmUp(): Promise<void> {
    await this.#pool().ready();
    this.#ready = true;
  }

  /** For /readyz: whether the picture threads are loaded. */
  get state(): string {
    if (!this.#workers) return 'idle (start on the first picture)';
    return this.#ready ? `ready: ${this.#workers.size} threads` : `starting ${this.#workers.size} threads`;
  }

  /** One picture (a video's frame) analysed in a worker thread, under the picture limits; `readText: false` skips OCR. */
  analyse(bytes: Buffer, { readText = true } = {}): Promise<ImageAnalysis> {
    return this.#pool().analyse(bytes, this.settings.limits, { ocr: this.settings.ocr && readText });
  }

  async moderate(call: TextCall, bytes: Buffer, request: ImageRequest): Promise<Decision> {
    const started = performance.now();
    const policy = await this.#sources.policy(call.tenantId, call.policy ?? 'default');
    const lists = await this.#sources.lists(call.tenantId);
    const imageLists = await this.#sources.imageLists(call.tenantId);
    const analysis = await this.analyse(bytes);
    const createdAt = new Date().toISOString();
    const decided = await moderateImage(analysis, request, {
      id: newId('dec'), createdAt, policy, lists, imageLists, detectors: this.#detectors, signal: call.signal,
    });
    // The picture's whole time, its analysis in the worker included.
    const decision = { ...decided, latencyMs: Math.round((performance.now() - started) * 1000) / 1000 };
    this.#recorder.record(
      decisionToRow(decision, call.tenantId, null, false),
      decision.suggestion === 'review' ? newReviewRow(call.tenantId, decision.id, riskOf(decision), createdAt) : null,
    );
    this.#metrics.countDecision('image', decision.suggestion, decision.categories);
    await this.#media.keepFlagged(call.tenantId, decision, { bytes }, pictureType(decision.media!.format));
    return decision;
  }

  /**
   * The picture with faces blurred and, with `text`, the lines of text holding what the text
   * pipeline finds to be personal data or contact details (categories pii and ads), read the same
   * way moderation reads them: all lines as one text. Nothing about a face is returned.
   */
  async redact(call: TextCall, bytes: Buffer, options: { text: boolean }): Promise<Redaction> {
    const policy = await this.#sources.policy(call.tenantId, call.policy ?? 'default');
    const lists = await this.#sources.lists(call.tenantId);
    const targets = await this.#pool().locate(bytes, this.settings.limits, { ocr: options.text });
    const lines = new Set<ReadPart>();
    for (const read of targets.text) {
      const reading = await readText({ text: read.text }, { policy, lists, detectors: this.#detectors, signal: call.signal });
      const found = reading.evidence.filter((e) => e.span && REDACTED.includes(e.category) && e.severity !== 'none' && e.action !== 'allow');
      for (const e of found) for (const part of touchedParts(read, e.span)) lines.add(part);
    }
    const textRegions: Region[] = [...lines].flatMap((part) => (part.region ? [part.region] : []));
    const blurred = await blurRegions(bytes, targets.info, [...targets.faces, ...textRegions]);
    return { ...blurred, faces: targets.faces.length, textRegions: textRegions.length };
  }

  async close(): Promise<void> {
    await this.#workers?.close();
    this.#workers = null;
  }

  #pool(): ImageWorkers {
    return (this.#workers ??= new ImageWorkers({ size: this.settings.threads, timeoutMs: this.settings.timeoutMs }));
  }
}
