// Per-key rate limiting (BULWARK_RATE_LIMIT requests per second, 0 = off): a token bucket per API
// key that holds two seconds' worth, so short bursts pass and a steady flood gets 429 with
// Retry-After. In memory: each process limits what it serves.

export class KeyRateLimiter {
  readonly perSecond: number;
  readonly #capacity: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(perSecond: number) {
    this.perSecond = perSecond;
    this.#capacity = Math.max(1, perSecond * 2);
  }

  /** Takes one request's token: 0 when allowed, otherwise the seconds until one is free. */
  take(key: string, now = performance.now()): number {
    let b = this.#buckets.get(key);
    if (!b) {
      if (this.#buckets.size >= 100_000) this.#buckets.clear();
      b = { tokens: this.#capacity, at: now };
      this.#buckets.set(key, b);
    }
    b.tokens = Math.min(this.#capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.perSecond;
  }
}
