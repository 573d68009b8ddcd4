// Picture analysis off the event loop: a pool of worker threads (one per core by default), each
// analysing one image at a time. A bounded queue turns a flood into 503 SERVICE_BUSY instead of
// unbounded memory; an image that runs past the time limit gets 422 MEDIA_TIMEOUT and its worker
// is replaced, so one hostile file cannot stall anyone else.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BulwarkError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { AnalysisOptions, ImageAnalysis, RedactionTargets } from './analysis.js';
import type { AnalysisReply, AnalysisRequest } from './analysisWorker.js';
import type { ImageLimits } from './decode.js';

export interface ImageWorkerOptions {
  /** Worker threads (default: one per core). */
  size?: number;
  /** Longest one image may take, in ms (default 30 s). */
  timeoutMs?: number;
  /** Images waiting for a worker before new ones are refused (default 64). */
  maxQueue?: number;
}

interface Job {
  task: AnalysisRequest['task']; bytes: Buffer; limits: ImageLimits; options: AnalysisOptions; timeoutMs: number;
  resolve: (a: never) => void; reject: (e: Error) => void;
}

interface Slot { worker: Worker; ready: Promise<void>; job: (Job & { id: number; timer: NodeJS.Timeout }) | null }

const WORKER_FILE = new URL('./analysisWorker.js', import.meta.url);

export class ImageWorkers {
  readonly size: number;
  readonly #timeoutMs: number;
  readonly #maxQueue: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: ImageWorkerOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxQueue = options.maxQueue ?? 64;
    for (let k = 0; k < this.size; k++) this.#slots.push(this.#spawn());
  }

  /** Resolves once every worker has loaded its decoders. */
  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.ready));
  }

  /** Images being analysed or waiting. */
  get pending(): number {
    return this.#queue.length + this.#slots.filter((s) => s.job).length;
  }

  /** Analyses one image; `timeoutMs` overrides the pool's limit for this image. */
  analyse(bytes: Buffer, limits: ImageLimits, options: AnalysisOptions = { ocr: true }, timeoutMs = this.#timeoutMs): Promise<ImageAnalysis> {
    return this.#run('analyse', bytes, limits, options, timeoutMs);
  }

  /** Finds faces (and with `ocr`, text lines) to blur in one image. */
  locate(bytes: Buffer, limits: ImageLimits, options: AnalysisOptions): Promise<RedactionTargets> {
    return this.#run('locate', bytes, limits, options, this.#timeoutMs);
  }

  #run<T>(task: Job['task'], bytes: Buffer, limits: ImageLimits, options: AnalysisOptions, timeoutMs: number): Promise<T> {
    if (this.#closed) return Promise.reject(new BulwarkError('SERVICE_NOT_READY', 'The picture workers are shut down.'));
    if (this.#queue.length >= this.#maxQueue) {
      return Promise.reject(new BulwarkError('SERVICE_BUSY', `${this.#queue.length} pictures are waiting already; retry shortly.`));
    }
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ task, bytes, limits, options, timeoutMs, resolve: resolve as (a: never) => void, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new BulwarkError('SERVICE_NOT_READY', 'The service is shutting down.'));
    await Promise.all(this.#slots.map(async (slot) => {
      if (slot.job) { clearTimeout(slot.job.timer); slot.job.reject(new BulwarkError('SERVICE_NOT_READY', 'The service is shutting down.')); }
      await slot.worker.terminate();
    }));
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_FILE);
    const slot: Slot = { worker, ready: Promise.resolve(), job: null };
    slot.ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: unknown) => {
        if ((m as { ready?: boolean }).ready) { worker.off('message', onReady); worker.off('error', reject); resolve(); }
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
    worker.on('message', (m: AnalysisReply | { ready: true }) => {
      if ('ready' in m) { this.#dispatch(); return; }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      clearTimeout(job.timer);
      slot.job = null;
      if (m.ok) job.resolve(m.result as never);
      else job.reject(new BulwarkError(m.error.code as ErrorCode, m.error.message, m.error.details));
      this.#dispatch();
    });
    worker.on('error', (err) => this.#replace(slot, new BulwarkError('INTERNAL', `A picture worker failed: ${err.message}`)));
    worker.on('exit', () => { if (!this.#closed && this.#slots.includes(slot)) this.#replace(slot, new BulwarkError('INTERNAL', 'A picture worker exited.')); });
    return slot;
  }

  /** Fails the slot's job (if any), ends its worker and puts a fresh one in its place. */
  #replace(slot: Slot, reason: BulwarkError): void {
    const at = this.#slots.indexOf(slot);
    if (at < 0 || this.#closed) return;
    if (slot.job) { clearTimeout(slot.job.timer); slot.job.reject(reason); slot.job = null; }
    this.#slots[at] = this.#spawn();
    void slot.worker.terminate();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.job) continue;
      const job = this.#queue.shift()!;
      const id = this.#nextId++;
      const timer = setTimeout(() => this.#replace(slot, new BulwarkError('MEDIA_TIMEOUT',
        `The picture took longer than ${job.timeoutMs} ms to analyse.`, { timeoutMs: job.timeoutMs })), job.timeoutMs);
      slot.job = { ...job, id, timer };
      // Posted to a worker still loading, the message waits in its port until it listens.
      slot.worker.postMessage({ id, task: job.task, bytes: job.bytes, limits: job.limits, options: job.options } satisfies AnalysisRequest);
    }
  }
}
