// The time window a dashboard asks about: its bounds, defaults and buckets (UTC hours or days),
// and the limits that keep one stats request cheap. Pure: the clock comes in as `now`.

import { BulwarkError } from '../errors.js';

export const STATS_BUCKETS = ['hour', 'day'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BUCKET_MS: Readonly<Record<StatsBucket, number>> = { hour: HOUR_MS, day: DAY_MS };

export const STATS_LIMITS = Object.freeze({
  /** Without `since`, the window is the 7 days before `until`. */
  defaultRangeMs: 7 * DAY_MS,
  /** Without `bucket`, windows up to 3 days get hours, longer ones days. */
  hourlyUpToMs: 3 * DAY_MS,
  maxRangeDays: 366,
  /** Hourly buckets therefore reach about 41 days. */
  maxBuckets: 1000,
});

export interface StatsWindow {
  /** Inclusive, ISO-8601 UTC (as stored). */
  readonly since: string;
  /** Exclusive. */
  readonly until: string;
  readonly bucket: StatsBucket;
  /** Every bucket's start, oldest first: the first bucket starts at `since` rounded down. */
  readonly starts: readonly string[];
}

export interface StatsWindowQuery { since?: string; until?: string; bucket?: StatsBucket }

export function statsWindow(query: StatsWindowQuery, now: number): StatsWindow {
  const until = query.until === undefined ? now : parseTime(query.until);
  const since = query.since === undefined ? until - STATS_LIMITS.defaultRangeMs : parseTime(query.since);
  if (until <= since) throw new BulwarkError('STATS_RANGE_INVALID', '"until" must be after "since".');
  if (until - since > STATS_LIMITS.maxRangeDays * DAY_MS) {
    throw new BulwarkError('STATS_RANGE_TOO_LONG', `The window is longer than ${STATS_LIMITS.maxRangeDays} days.`);
  }
  const bucket = query.bucket ?? (until - since <= STATS_LIMITS.hourlyUpToMs ? 'hour' : 'day');
  const size = BUCKET_MS[bucket];
  const first = Math.floor(since / size) * size;
  const count = Math.ceil((until - first) / size);
  if (count > STATS_LIMITS.maxBuckets) {
    throw new BulwarkError('STATS_TOO_MANY_BUCKETS',
      `The window holds ${count} ${bucket} buckets; the limit is ${STATS_LIMITS.maxBuckets}. Use a shorter window or bucket=day.`);
  }
  const starts = Array.from({ length: count }, (_, i) => new Date(first + i * size).toISOString());
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString(), bucket, starts };
}

/** The prefix of a stored timestamp that names its bucket: 'YYYY-MM-DDTHH' or 'YYYY-MM-DD'. */
export const BUCKET_KEY_LENGTH: Readonly<Record<StatsBucket, number>> = { hour: 13, day: 10 };

/** The bucket start (as in `starts`) that a stored timestamp's key names. */
export function bucketStart(key: string, bucket: StatsBucket): string {
  return bucket === 'hour' ? `${key}:00:00.000Z` : `${key}T00:00:00.000Z`;
}

/** Milliseconds since the epoch of an ISO-8601 date-time; REQUEST_INVALID when it is not one. */
export function parseTime(value: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new BulwarkError('REQUEST_INVALID', `"${value}" is not an ISO-8601 date-time.`);
  return time;
}
