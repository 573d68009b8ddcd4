// Runs durable jobs in this process: up to `concurrency` at a time, each taken from the database
// with a lease that a heartbeat renews (and that tells the job when it was cancelled, or taken over
// by another runner after its lease lapsed). A job's end and what it announces are stored in one
// transaction. A job that ends, however it ends, has its uploaded file deleted. At start, and on
// every poll, jobs whose runner died (lease over) are queued again or failed cleanly, and files a
// crash left behind are deleted; nothing is lost silently.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Announce, JobError, JobRow, JobStore } from '../db/index.js';
import { BulwarkError } from '../errors.js';

export interface JobContext {
  /** Aborted when the job is cancelled or the runner stops. */
  signal: AbortSignal;
  /** Reports progress (0–1); stored with the next heartbeat. */
  progress(fraction: number): void;
}

/** Does the work of one kind of job and returns the decision it recorded. */
export type JobHandler = (job: JobRow, ctx: JobContext) => Promise<{ decisionId: string }>;

export interface RunnerSettings {
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  heartbeatMs: number;
  /** A job interrupted this many times (its server died while running it) fails with JOB_INTERRUPTED. */
  maxAttempts: number;
}

export const DEFAULT_RUNNER: RunnerSettings = Object.freeze({ concurrency: 1, pollMs: 1_000, leaseMs: 30_000, heartbeatMs: 5_000, maxAttempts: 3 });

export interface RunnerEvents {
  /** A job is ending here (succeeded or failed; not cancelled): queue its job.completed / job.failed events in `tx`. */
  announce?: Announce;
  /** That transaction committed. */
  onEnded?(job: JobRow): void;
  onError?(err: unknown): void;
}

export class JobRunner {
  readonly #store: JobStore;
  readonly #handlers: Readonly<Record<string, JobHandler>>;
  readonly #settings: RunnerSettings;
  readonly #events: RunnerEvents;
  readonly #running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = true;
  #filling: Promise<void> | null = null;

  constructor(store: JobStore, handlers: Record<string, JobHandler>, settings: RunnerSettings = DEFAULT_RUNNER, events: RunnerEvents = {}) {
    this.#store = store;
    this.#handlers = handlers;
    this.#settings = settings;
    this.#events = events;
  }

  isRunning(id: string): boolean {
    return this.#running.has(id);
  }

  /** Jobs running in this process now. */
  get running(): number {
    return this.#running.size;
  }

  async start(): Promise<void> {
    this.#stopped = false;
    await this.#recover();
    for (const job of await this.#store.endedWithInput()) await this.#removeInput(job);
    this.poke();
  }

  /** A job was queued: look now instead of at the next poll. */
  poke(): void {
    if (this.#stopped) return;
    this.#filling ??= this.#fill().catch((err: unknown) => this.#error(err)).finally(() => {
      this.#filling = null;
      this.#schedule();
    });
  }

  /** Stops taking jobs; jobs running here are put back in the queue for the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#filling;
    for (const { abort } of this.#running.values()) abort.abort(new BulwarkError('SERVICE_NOT_READY', 'The server is stopping.'));
    await Promise.all([...this.#running.values()].map((r) => r.done));
  }

  async #fill(): Promise<void> {
    await this.#recover();
    const kinds = Object.keys(this.#handlers);
    while (!this.#stopped && this.#running.size < this.#settings.concurrency) {
      const job = await this.#store.claimNext(kinds, new Date(), this.#settings.leaseMs);
      if (!job) return;
      const abort = new AbortController();
      const done = this.#run(job, abort).catch((err: unknown) => this.#error(err)).finally(() => {
        this.#running.delete(job.id);
        this.poke();
      });
      this.#running.set(job.id, { abort, done });
    }
  }

  async #run(job: JobRow, abort: AbortController): Promise<void> {
    let progress = 0;
    const beat = setInterval(() => {
      this.#store.heartbeat(job, new Date(), this.#settings.leaseMs, progress).then(
        (still) => { if (!still) abort.abort(new BulwarkError('JOB_FINISHED', 'The job was cancelled or taken over.')); },
        (err: unknown) => this.#error(err),
      );
    }, this.#settings.heartbeatMs);
    try {
      const handler = this.#handlers[job.kind];
      const outcome = await handler(job, { signal: abort.signal, progress: (p) => { progress = p; } })
        .then((ok) => ok, (err: unknown) => ({ error: jobError(err) }));
      if (this.#stopped && abort.signal.aborted) {
        await this.#store.release(job);
        return;
      }
      const ended = await this.#store.finish(job, outcome, this.#events.announce);
      if (ended) this.#events.onEnded?.(ended);
      await this.#removeInput(ended ?? job);
    } finally {
      clearInterval(beat);
    }
  }

  async #recover(): Promise<void> {
    const { failed: interrupted, errors } = await this.#store.recover(new Date(), this.#settings.maxAttempts, this.#events.announce);
    for (const err of errors) this.#error(err);
    for (const failed of interrupted) {
      this.#events.onEnded?.(failed);
      await this.#removeInput(failed);
    }
  }

  /** Deletes a job's uploaded file (and its folder) once the job is over. */
  async #removeInput(job: JobRow): Promise<void> {
    if (!job.input_path) return;
    const current = await this.#store.status(job.id);
    if (current === 'queued' || current === 'running') return;
    await rm(path.dirname(job.input_path), { recursive: true, force: true });
    await this.#store.clearInput(job.id);
  }

  #schedule(): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => { this.#timer = null; this.poke(); }, this.#settings.pollMs);
    this.#timer.unref();
  }

  #error(err: unknown): void {
    (this.#events.onError ?? ((e: unknown) => console.error('bulwark: the job runner failed (will retry)', e)))(err);
  }
}

function jobError(err: unknown): JobError {
  if (err instanceof BulwarkError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
