// Sends webhook deliveries: every poll (or at once when an event is queued) it claims the deliveries
// that are due, posts each signed body to its endpoint, and records how the attempt ended; a failed
// attempt is scheduled again with backoff (retry.ts) until its window ends. An endpoint that has
// failed every delivery for days (3 by default) is disabled, with the reason recorded.

import type { ClaimedDelivery, WebhookStore } from '../db/index.js';
import { safePost } from '../net/safePost.js';
import { version } from '../version.js';
import { nextAttemptAt } from './retry.js';
import type { RetrySettings } from './retry.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface SenderSettings {
  pollMs: number;
  /** How long a claimed delivery is held by this sender before another may take it. */
  leaseMs: number;
  /** Deliveries claimed and sent at once. */
  batch: number;
  timeoutMs: number;
  allowHosts: readonly string[];
  retry: RetrySettings;
  /** An endpoint failing every delivery for this long is disabled. */
  disableAfterMs: number;
}

export const DEFAULT_SENDER: SenderSettings = Object.freeze({
  pollMs: 1_000, leaseMs: 60_000, batch: 16, timeoutMs: 10_000, allowHosts: [],
  retry: { firstDelayMs: 10_000, maxDelayMs: 6 * 3600_000, windowMs: 72 * 3600_000 }, disableAfterMs: 72 * 3600_000,
});

export class WebhookSender {
  readonly #store: WebhookStore;
  readonly #settings: SenderSettings;
  readonly #now: () => Date;
  readonly #onError: (err: unknown) => void;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #again = false;
  #stopped = true;

  constructor(store: WebhookStore, settings: SenderSettings, options: { now?: () => Date; onError?: (err: unknown) => void } = {}) {
    this.#store = store;
    this.#settings = settings;
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? ((err) => console.error('bulwark: sending webhooks failed (will retry)', err));
  }

  /** Polls until stop(). */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** An event was queued: send without waiting for the next poll. */
  poke(): void {
    if (this.#stopped) return;
    if (this.#running) this.#again = true;
    else this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** One round: sends every due delivery (in batches), then disables endpoints failing for too long. Returns the attempts made. */
  async runOnce(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const claimed = await this.#store.claimDue(this.#now(), this.#settings.leaseMs, this.#settings.batch);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((d) => this.#attempt(d)));
      attempts += claimed.length;
    }
    await this.#store.disableFailing(new Date(this.#now().getTime() - this.#settings.disableAfterMs).toISOString());
    return attempts;
  }

  async #attempt(delivery: ClaimedDelivery): Promise<void> {
    const at = this.#now();
    const headers = {
      [SIGNATURE_HEADER]: signatureHeader(delivery.secret, delivery.payload, Math.floor(at.getTime() / 1000)),
      'bulwark-event': delivery.event, 'bulwark-event-id': delivery.event_id, 'bulwark-delivery': delivery.id,
      'user-agent': `Bulwark-Webhooks/${version}`,
    };
    let ok = false;
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      const answer = await safePost(delivery.url, delivery.payload, headers, this.#settings);
      responseStatus = answer.status;
      ok = answer.status >= 200 && answer.status < 300;
      if (!ok) error = `HTTP ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ''}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const next = ok ? null : nextAttemptAt(delivery.attempts + 1, new Date(delivery.created_at), this.#now(), this.#settings.retry);
    await this.#store.recordAttempt(delivery, { at: at.toISOString(), ok, responseStatus, error, nextAttemptAt: next?.toISOString() ?? null });
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#running = this.runOnce().catch((err: unknown) => { this.#onError(err); return 0; });
      void this.#running.then(() => {
        this.#running = null;
        const again = this.#again;
        this.#again = false;
        this.#schedule(again ? 0 : this.#settings.pollMs);
      });
    }, delayMs);
    this.#timer.unref();
  }
}
