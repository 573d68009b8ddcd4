// When a failed webhook delivery is tried again: exponential backoff from 10 s, doubling to at most
// 6 hours between attempts, with ±20 % jitter so endpoints that failed together do not all retry
// together; after the retry window (72 hours by default, at least the 24 the API promises) the
// delivery is given up.

export interface RetrySettings {
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long after the event attempts go on. */
  windowMs: number;
}

export const DEFAULT_RETRY: RetrySettings = Object.freeze({ firstDelayMs: 10_000, maxDelayMs: 6 * 3600_000, windowMs: 72 * 3600_000 });

const JITTER = 0.2;

/** When to try again after `attempts` failed attempts, or null when the window is over. */
export function nextAttemptAt(attempts: number, createdAt: Date, now: Date, settings: RetrySettings = DEFAULT_RETRY, random = Math.random): Date | null {
  const base = Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** Math.max(0, attempts - 1));
  const delay = base * (1 - JITTER + 2 * JITTER * random());
  const next = now.getTime() + delay;
  return next > createdAt.getTime() + settings.windowMs ? null : new Date(next);
}
