// Write-behind audit log: decisions (and the review items they open) are queued and written in
// one transaction every few milliseconds or every few hundred rows, so the hot path never waits
// for the disk. Every read of decisions or reviews flushes first, so nothing is ever missed.
// A failed write is retried (the batch goes back to the front of the queue) until the backlog
// reaches MAX_BACKLOG; only then are the oldest decisions dropped, loudly. While writes fail,
// readers are told (failures > 0) instead of silently missing decisions.

import type { DecisionTable, ReviewTable } from '../db/schema.js';

export interface RecorderSink {
  write(decisions: DecisionTable[], reviews: ReviewTable[]): Promise<void>;
}

export interface RecorderOptions {
  maxDelayMs?: number;
  maxBatch?: number;
  retryMs?: number;
  onError?: (err: unknown, dropped: number) => void;
}

const MAX_BACKLOG = 100_000;

export class DecisionRecorder {
  readonly #sink: RecorderSink;
  readonly #maxDelayMs: number;
  readonly #maxBatch: number;
  readonly #retryMs: number;
  readonly #onError: (err: unknown, dropped: number) => void;
  #decisions: DecisionTable[] = [];
  #reviews: ReviewTable[] = [];
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();
  #failures = 0;
  #closed = false;

  constructor(sink: RecorderSink, options: RecorderOptions = {}) {
    this.#sink = sink;
    this.#maxDelayMs = options.maxDelayMs ?? 5;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#retryMs = options.retryMs ?? 1_000;
    this.#onError = options.onError ?? (() => {});
  }

  /** Decisions accepted but not yet durable. */
  get pending(): number { return this.#decisions.length; }
  /** Consecutive failed writes (0 when the last write succeeded). */
  get failures(): number { return this.#failures; }

  record(decision: DecisionTable, review: ReviewTable | null): void {
    this.#decisions.push(decision);
    if (review) this.#reviews.push(review);
    if (this.#decisions.length >= this.#maxBatch) void this.flush();
    else this.#schedule(this.#maxDelayMs);
  }

  /** Writes everything queued so far; resolves when the write finished (or failed and was re-queued). */
  flush(): Promise<void> {
    if (this.#timer) { clearTimeout(this.#timer); this.#timer = null; }
    if (this.#decisions.length === 0) return this.#writing;
    const decisions = this.#decisions;
    const reviews = this.#reviews;
    this.#decisions = [];
    this.#reviews = [];
    this.#writing = this.#writing
      .then(() => this.#sink.write(decisions, reviews))
      .then(() => { this.#failures = 0; })
      .catch((err: unknown) => this.#salvage(err, decisions, reviews));
    return this.#writing;
  }

  /** Stops retrying (after the final flush at shutdown). */
  close(): void {
    this.#closed = true;
    if (this.#timer) { clearTimeout(this.#timer); this.#timer = null; }
  }

  /**
   * A batch failed: write its rows one by one so a single bad row cannot hold back everyone's
   * decisions. Rows that fail alone while others succeed are dropped (reported); if every row
   * fails the database is down, and the batch goes back to the queue.
   */
  async #salvage(err: unknown, decisions: DecisionTable[], reviews: ReviewTable[]): Promise<void> {
    if (decisions.length === 1) return this.#requeue(err, decisions, reviews);
    const failed: DecisionTable[] = [];
    for (const d of decisions) {
      try {
        await this.#sink.write([d], reviews.filter((r) => r.decision_id === d.id));
      } catch {
        failed.push(d);
      }
    }
    if (failed.length === decisions.length) return this.#requeue(err, decisions, reviews);
    this.#failures = 0;
    if (failed.length > 0) this.#onError(err, failed.length);
  }

  #schedule(ms: number): void {
    this.#timer ??= setTimeout(() => { this.#timer = null; void this.flush(); }, ms);
  }

  #requeue(err: unknown, decisions: DecisionTable[], reviews: ReviewTable[]): void {
    this.#failures++;
    this.#decisions = [...decisions, ...this.#decisions];
    this.#reviews = [...reviews, ...this.#reviews];
    const dropped = Math.max(0, this.#decisions.length - MAX_BACKLOG);
    if (dropped > 0) {
      const gone = new Set(this.#decisions.splice(0, dropped).map((d) => d.id));
      this.#reviews = this.#reviews.filter((r) => !gone.has(r.decision_id));
    }
    this.#onError(err, dropped);
    if (!this.#closed) this.#schedule(this.#retryMs);
  }
}
