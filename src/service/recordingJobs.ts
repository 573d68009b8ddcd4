// Audio and video moderation as durable jobs: an upload is streamed to the job's own folder (never
// held in memory) under a byte cap, as is a recording given by URL when its job runs
// (net/download.ts); a flood is refused while too many jobs or bytes are waiting, and the job
// runner (jobs/runner.ts) listens to each recording (and looks at a video's sampled frames,
// near-duplicates skipped), decides and records the decision. A job's end queues job.completed or
// job.failed for the tenant's webhooks and its callbackUrl in the same transaction; its folder is deleted
// (a flagged recording is first copied for reviewers when the tenant stores content: reviewMedia.ts).

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { WebhookStore, newId } from '../db/index.js';
import type { Database, JobRow } from '../db/index.js';
import { BulwarkError } from '../errors.js';
import { JobRunner } from '../jobs/runner.js';
import type { JobContext, RunnerSettings } from '../jobs/runner.js';
import { probeMedia } from '../media/probe.js';
import type { MediaProbe } from '../media/probe.js';
import { probeImage } from '../images/decode.js';
import { imageHashes } from '../images/imageHashes.js';
import { hammingDistance } from '../images/pdq.js';
import { sampleFrames } from '../video/frames.js';
import { moderateRecording, moderateVideo } from '../moderation/index.js';
import type { AnalysedFrame } from '../moderation/index.js';
import { downloadTo, saveCapped } from '../net/download.js';
import type { FetchLimits } from '../net/safeFetch.js';
import { listen, nothingHeard } from '../voice/listen.js';
import { SPOKEN_PHRASES } from '../voice/spokenPhrases.js';
import { mediaContext, recordMediaDecision, textReadSchedule } from './mediaDeps.js';
import { recordingType } from './reviewMedia.js';
import type { MediaDeps } from './mediaDeps.js';

export interface RecordingSettings {
  /** Where each job's folder is made ($BULWARK_DATA_DIR/jobs). */
  dir: string;
  maxBytes: number;
  maxSeconds: number;
  /** Jobs queued or running, all tenants, before new ones get 503. */
  maxQueued: number;
  /** Bytes of uploads waiting or in work before new ones get 503. */
  maxDiskBytes: number;
  runner: RunnerSettings;
}

/** What a job was asked, kept with it. */
export interface RecordingRequest {
  policy?: string;
  dataId?: string | null;
  metadata?: Record<string, unknown> | null;
  lang?: string;
  url?: string;
  /** Video: seconds between sampled frames (default 1). */
  interval?: number;
  /** Signs the callbackUrl's delivery (kept with the job, never shown). */
  callbackSecret?: string;
}

/** Where to tell the caller when the job ends, and the secret to sign it with. */
export interface JobCallback { url: string; secret: string }

/** Frames this close (PDQ bits) to the last analysed one are skipped as near-duplicates. */
const DUPLICATE_BITS = 12;
const SCENE_THRESHOLD = 0.4;
const MAX_FRAMES = 2_000;

export interface RecordingDeps extends MediaDeps { fetchLimits: Omit<FetchLimits, 'maxBytes'> }

export class RecordingJobs {
  readonly settings: RecordingSettings;
  readonly runner: JobRunner;
  readonly #deps: RecordingDeps;

  constructor(settings: RecordingSettings, deps: RecordingDeps) {
    this.settings = settings;
    this.#deps = deps;
    const handlers = { audio: (job: JobRow, ctx: JobContext) => this.#moderate(job, ctx), video: (job: JobRow, ctx: JobContext) => this.#moderate(job, ctx) };
    this.runner = new JobRunner(deps.stores.jobs, handlers, settings.runner, {
      announce: (job, tx) => this.#announce(job, tx),
      onEnded: () => deps.webhooks.wake(),
    });
  }

  /** Queues a recording sent as a stream (an upload) or by URL (fetched when the job runs). */
  async submit(tenantId: string, kind: 'audio' | 'video', source: { stream: Readable } | { url: string }, request: RecordingRequest,
    callback: JobCallback | null = null): Promise<JobRow> {
    const waiting = await this.#deps.stores.jobs.active();
    if (waiting.jobs >= this.settings.maxQueued || waiting.bytes >= this.settings.maxDiskBytes) {
      if ('stream' in source) source.stream.resume();
      throw new BulwarkError('SERVICE_BUSY', `${waiting.jobs} jobs (${Math.round(waiting.bytes / 1e6)} MB) are waiting already; retry later.`);
    }
    const id = newId('job');
    const file = path.join(this.settings.dir, id, 'input');
    await mkdir(path.dirname(file), { recursive: true });
    try {
      const bytes = 'stream' in source ? await saveCapped(source.stream, file, Math.min(this.settings.maxBytes, this.settings.maxDiskBytes - waiting.bytes), { drainExcess: true }) : 0;
      if ('stream' in source && bytes === 0) throw new BulwarkError('MEDIA_EMPTY');
      // An upload is read at once (ffprobe takes milliseconds), so a corrupt, too long or
      // picture-less file is refused in the answer instead of failing its job later.
      if ('stream' in source) await this.#probe(kind, file);
      const job = await this.#deps.stores.jobs.create({
        tenantId, kind, inputPath: file, inputBytes: bytes, callbackUrl: callback?.url ?? null,
        request: { ...request, ...('url' in source ? { url: source.url } : {}), ...(callback ? { callbackSecret: callback.secret } : {}) },
      }, id);
      this.runner.poke();
      return job;
    } catch (err) {
      await rm(path.dirname(file), { recursive: true, force: true });
      throw err;
    }
  }

  /** ffprobe's answer, if the file is what its job needs: sound for audio, pictures within the pixel limit for video. */
  async #probe(kind: string, file: string, signal?: AbortSignal): Promise<MediaProbe> {
    const probe = await probeMedia(file, { maxSeconds: this.settings.maxSeconds, timeoutMs: 30_000 }, signal);
    if (kind === 'video' && !probe.video) throw new BulwarkError('MEDIA_UNSUPPORTED_TYPE', 'The file has no pictures: send it as audio.');
    if (kind !== 'video' && !probe.audio) throw new BulwarkError('MEDIA_UNSUPPORTED_TYPE', 'The file has no sound to listen to.');
    const maxPixels = this.#deps.images.settings.limits.maxPixels;
    if (probe.video && probe.video.width * probe.video.height > maxPixels) {
      throw new BulwarkError('MEDIA_TOO_LARGE', `The video is ${probe.video.width} × ${probe.video.height}; the limit is ${maxPixels} pixels a frame.`);
    }
    return probe;
  }

  /** How long ffmpeg or pocketsphinx may take over one recording: twice its longest allowed length, plus a minute. */
  get #toolTimeoutMs(): number {
    return this.settings.maxSeconds * 2_000 + 60_000;
  }

  /** Queues job.completed or job.failed for the tenant's endpoints and the job's callbackUrl, in the transaction that ends the job. */
  async #announce(job: JobRow, tx: Kysely<Database>): Promise<void> {
    const store = new WebhookStore(tx);
    const secret = (JSON.parse(job.request) as RecordingRequest).callbackSecret;
    const callback = job.callback_url && secret ? [await store.createCallback({ tenantId: job.tenant_id, url: job.callback_url, secret, jobId: job.id })] : [];
    await this.#deps.webhooks.emitIn(store, job.tenant_id, job.status === 'succeeded' ? 'job.completed' : 'job.failed', { job: jobView(job) }, callback);
  }

  async cancel(tenantId: string, id: string): Promise<JobRow> {
    const job = await this.#deps.stores.jobs.cancel(tenantId, id);
    // A running job's runner deletes its folder when it notices; a queued one's is deleted here.
    if (!this.runner.isRunning(id) && job.input_path) {
      await rm(path.dirname(job.input_path), { recursive: true, force: true });
      await this.#deps.stores.jobs.clearInput(id);
    }
    return job;
  }

  async #moderate(job: JobRow, { signal, progress }: JobContext): Promise<{ decisionId: string }> {
    const request = JSON.parse(job.request) as RecordingRequest;
    const file = job.input_path!;
    const workDir = path.dirname(file);
    if (request.url) await downloadTo(request.url, file, { ...this.#deps.fetchLimits, maxBytes: this.settings.maxBytes }, signal);
    const probe = await this.#probe(job.kind, file, signal);
    const video = job.kind === 'video';
    progress(0.05);
    const { bytes, sha256 } = await fileHash(file);
    // A long video is sampled more sparsely so at most MAX_FRAMES frames cover all of it (the decision says which interval).
    const interval = Math.max(request.interval ?? 1, probe.duration / (MAX_FRAMES - 200));
    // The sound is heard (in pocketsphinx's own process) while the frames are looked at (in the picture threads).
    const [frames, heard] = await Promise.all([
      video ? this.#analysedFrames(file, workDir, interval, probe.duration, signal, (p) => progress(0.05 + 0.9 * p)) : null,
      probe.audio
        ? listen(file, { engine: this.#deps.engine, phrases: SPOKEN_PHRASES, language: request.lang ?? 'en', workDir, timeoutMs: this.#toolTimeoutMs, signal })
        : nothingHeard(request.lang ?? 'en', 'The video has no sound track.'),
    ]);
    progress(0.95);
    const tenant = await mediaContext(this.#deps, job.tenant_id, request.policy);
    const createdAt = new Date().toISOString();
    const recording = { format: probe.format, duration: probe.duration, bytes, sha256, video: probe.video ? { width: probe.video.width, height: probe.video.height } : null };
    const ctx = { ...tenant, id: newId('dec'), createdAt, signal };
    const asked = { dataId: request.dataId ?? null, metadata: request.metadata ?? null };
    const decision = frames
      ? await moderateVideo(frames.analysed, interval, heard, { ...recording, frames: { interval, sampled: frames.sampled, analysed: frames.analysed.length } }, asked, ctx)
      : await moderateRecording(heard, recording, 'audio', asked, ctx);
    recordMediaDecision(this.#deps, decision, job.tenant_id);
    await this.#deps.media.keepFlagged(job.tenant_id, decision, { file }, recordingType(probe.format, video));
    // The job says succeeded only once its decision is stored.
    await this.#deps.recorder.flush();
    return { decisionId: decision.id };
  }

  /**
   * The video's sampled frames, each analysed as a picture in the worker threads, except those whose
   * PDQ hash is within DUPLICATE_BITS of the last analysed frame (a still scene is looked at once).
   */
  async #analysedFrames(file: string, workDir: string, interval: number, duration: number, signal: AbortSignal,
    progress: (fraction: number) => void): Promise<{ sampled: number; analysed: AnalysedFrame[] }> {
    const maxFrames = Math.min(MAX_FRAMES, Math.ceil(duration / interval) + 200);
    const sampled = await sampleFrames(file, workDir, { interval, sceneThreshold: SCENE_THRESHOLD, maxFrames, timeoutMs: this.#toolTimeoutMs, signal });
    const kept: { time: number; bytes: Buffer; readText: boolean }[] = [];
    let last: string | null = null;
    const readText = textReadSchedule();
    for (const frame of sampled) {
      const bytes = await readFile(frame.file);
      const { pdq } = await imageHashes(bytes, await probeImage(bytes));
      if (last !== null && hammingDistance(pdq, last) <= DUPLICATE_BITS) continue;
      last = pdq;
      kept.push({ time: frame.time, bytes, readText: readText(frame.time, frame.scene > SCENE_THRESHOLD) });
    }
    const analysed: AnalysedFrame[] = new Array(kept.length);
    let next = 0;
    let done = 0;
    const work = async () => {
      while (next < kept.length) {
        const k = next++;
        signal.throwIfAborted();
        analysed[k] = { time: kept[k].time, analysis: await this.#deps.images.analyse(kept[k].bytes, { readText: kept[k].readText }) };
        progress(++done / kept.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.#deps.images.settings.threads) }, work));
    return { sampled: sampled.length, analysed };
  }
}

/** A job as the API shows it (the decision itself is added by the route). */
export function jobView(job: JobRow) {
  return {
    id: job.id, kind: job.kind, status: job.status, progress: Number(job.progress),
    decisionId: job.decision_id, error: job.error ? (JSON.parse(job.error) as { code: string; message: string }) : null,
    attempts: Number(job.attempts), createdAt: job.created_at, startedAt: job.started_at, finishedAt: job.finished_at,
  };
}

/** The file's size and SHA-256, read as a stream. */
async function fileHash(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    bytes += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { bytes, sha256: hash.digest('hex') };
}
