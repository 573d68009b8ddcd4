// Write-behind audit log: decisions (and the review items they open) are queued and written in
// one transaction every few milliseconds or every few hundred rows, so the hot path never waits
// for the disk. Every read of decisions or reviews flushes first, so nothing is ever missed.

import type { DecisionTable, ReviewTable } from '../db/schema.js';

export interface RecorderSink {
  write(decisions: DecisionTable[], reviews: ReviewTable[]): Promise<void>;
}

export interface RecorderOptions { maxDelayMs?: number; maxBatch?: number; onError?: (err: unknown) => void }

export class DecisionRecorder {
  readonly #sink: RecorderSink;
  readonly #maxDelayMs: number;
  readonly #maxBatch: number;
  readonly #onError: (err: unknown) => void;
  #decisions: DecisionTable[] = [];
  #reviews: ReviewTable[] = [];
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();

  constructor(sink: RecorderSink, options: RecorderOptions = {}) {
    this.#sink = sink;
    this.#maxDelayMs = options.maxDelayMs ?? 5;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#onError = options.onError ?? (() => {});
  }

  get pending(): number { return this.#decisions.length; }

  record(decision: DecisionTable, review: ReviewTable | null): void {
    this.#decisions.push(decision);
    if (review) this.#reviews.push(review);
    if (this.#decisions.length >= this.#maxBatch) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), this.#maxDelayMs);
  }

  /** Writes everything queued so far; resolves when it is durable. */
  flush(): Promise<void> {
    if (this.#timer) { clearTimeout(this.#timer); this.#timer = null; }
    if (this.#decisions.length === 0) return this.#writing;
    const decisions = this.#decisions;
    const reviews = this.#reviews;
    this.#decisions = [];
    this.#reviews = [];
    this.#writing = this.#writing
      .then(() => this.#sink.write(decisions, reviews))
      .catch((err: unknown) => this.#onError(err));
    return this.#writing;
  }
}
