// Environment → one frozen Config. Nothing else in Bulwark reads process.env.

import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** postgres://… selects PostgreSQL; otherwise SQLite at <dataDir>/bulwark.db. */
  readonly databaseUrl: string | null;
  readonly apiKey: string | null;
  readonly logLevel: string;
  /** Store the content itself with each decision (default off: only its hash). */
  readonly storeContent: boolean;
  /** Requests per second allowed per API key (0: no limit). */
  readonly rateLimit: number;
  /** Worker processes serving the port (BULWARK_WORKERS; 0 means one per core). */
  readonly workers: number;
  /** Largest picture file accepted, in bytes (BULWARK_IMAGE_MAX_BYTES). */
  readonly imageMaxBytes: number;
  /** Most pixels one picture (one frame) may have, read from its header before decoding (BULWARK_IMAGE_MAX_PIXELS). */
  readonly imageMaxPixels: number;
  /** Threads analysing pictures in each worker process (BULWARK_IMAGE_THREADS; default: cores ÷ processes). */
  readonly imageThreads: number;
  /** Longest one picture may take to analyse, in ms (BULWARK_IMAGE_TIMEOUT_MS). */
  readonly imageTimeoutMs: number;
  /** Read text in pictures (OCR; ~0.4 s a picture) (BULWARK_IMAGE_OCR, default true). */
  readonly imageOcr: boolean;
  /** Hosts a media URL may name even when they resolve to private addresses (BULWARK_FETCH_ALLOW_HOSTS, comma-separated). */
  readonly fetchAllowHosts: readonly string[];
  /** Longest a media URL may take to fetch, redirects included, in ms (BULWARK_FETCH_TIMEOUT_MS). */
  readonly fetchTimeoutMs: number;
  /** Largest audio or video upload, in bytes (BULWARK_MEDIA_MAX_BYTES). */
  readonly mediaMaxBytes: number;
  /** Longest audio or video accepted, in seconds (BULWARK_MEDIA_MAX_SECONDS). */
  readonly mediaMaxSeconds: number;
  /** How long flagged pictures and recordings are kept for reviewers, in days (BULWARK_MEDIA_RETENTION_DAYS; only when content is stored). */
  readonly mediaRetentionDays: number;
  /** Audio and video jobs run at once in each worker process (BULWARK_JOB_CONCURRENCY). */
  readonly jobConcurrency: number;
  /** How long a job outlives a server that died running it before another run picks it up, in ms (BULWARK_JOB_LEASE_MS). */
  readonly jobLeaseMs: number;
  /** Jobs waiting or running, all tenants, before new ones get 503 (BULWARK_JOB_MAX_QUEUED). */
  readonly jobMaxQueued: number;
  /** Bytes of uploads waiting or in work before new ones get 503 (BULWARK_JOB_MAX_DISK_BYTES). */
  readonly jobMaxDiskBytes: number;
  /** Live streams pulled at once, all tenants (BULWARK_STREAM_MAX_ACTIVE). */
  readonly streamMaxActive: number;
  /** How long a broken stream is pulled again before it is reported failed, in seconds (BULWARK_STREAM_RECONNECT_SECONDS). */
  readonly streamReconnectSeconds: number;
  /** Longest one webhook delivery may take to be answered, in ms (BULWARK_WEBHOOK_TIMEOUT_MS). */
  readonly webhookTimeoutMs: number;
  /** How long a failed delivery is retried, in hours (BULWARK_WEBHOOK_RETRY_HOURS, at least 24). */
  readonly webhookRetryHours: number;
  /** An endpoint failing every delivery this many hours is disabled (BULWARK_WEBHOOK_DISABLE_AFTER_HOURS). */
  readonly webhookDisableAfterHours: number;
}

export const API_KEY_MIN_CHARS = 16;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const apiKey = env.BULWARK_API_KEY ? env.BULWARK_API_KEY : null;
  if (apiKey !== null && (apiKey.length < API_KEY_MIN_CHARS || /\s/.test(apiKey))) {
    throw new Error(`BULWARK_API_KEY must be at least ${API_KEY_MIN_CHARS} characters without spaces.`);
  }
  const dataDir = path.resolve(env.BULWARK_DATA_DIR ?? './data');
  const workers = intFrom(env.BULWARK_WORKERS, 1) || availableParallelism();
  return Object.freeze({
    port: intFrom(env.PORT, 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL ?? null,
    apiKey,
    logLevel: env.LOG_LEVEL ?? 'info',
    storeContent: env.BULWARK_STORE_CONTENT === 'true',
    rateLimit: intFrom(env.BULWARK_RATE_LIMIT, 0),
    workers,
    imageMaxBytes: intFrom(env.BULWARK_IMAGE_MAX_BYTES, 20 * 1024 * 1024),
    imageMaxPixels: intFrom(env.BULWARK_IMAGE_MAX_PIXELS, 50_000_000),
    imageThreads: intFrom(env.BULWARK_IMAGE_THREADS, 0) || Math.max(1, Math.floor(availableParallelism() / workers)),
    imageTimeoutMs: intFrom(env.BULWARK_IMAGE_TIMEOUT_MS, 30_000),
    imageOcr: env.BULWARK_IMAGE_OCR !== 'false',
    fetchAllowHosts: Object.freeze((env.BULWARK_FETCH_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)),
    fetchTimeoutMs: intFrom(env.BULWARK_FETCH_TIMEOUT_MS, 10_000),
    mediaMaxBytes: intFrom(env.BULWARK_MEDIA_MAX_BYTES, 512 * 1024 * 1024),
    mediaMaxSeconds: intFrom(env.BULWARK_MEDIA_MAX_SECONDS, 3600),
    mediaRetentionDays: Math.max(1, intFrom(env.BULWARK_MEDIA_RETENTION_DAYS, 30)),
    jobConcurrency: Math.max(1, intFrom(env.BULWARK_JOB_CONCURRENCY, 1)),
    jobLeaseMs: Math.max(1_000, intFrom(env.BULWARK_JOB_LEASE_MS, 30_000)),
    jobMaxQueued: Math.max(1, intFrom(env.BULWARK_JOB_MAX_QUEUED, 100)),
    jobMaxDiskBytes: intFrom(env.BULWARK_JOB_MAX_DISK_BYTES, 10 * 1024 * 1024 * 1024),
    streamMaxActive: intFrom(env.BULWARK_STREAM_MAX_ACTIVE, 4),
    streamReconnectSeconds: intFrom(env.BULWARK_STREAM_RECONNECT_SECONDS, 60),
    webhookTimeoutMs: intFrom(env.BULWARK_WEBHOOK_TIMEOUT_MS, 10_000),
    webhookRetryHours: Math.max(24, intFrom(env.BULWARK_WEBHOOK_RETRY_HOURS, 72)),
    webhookDisableAfterHours: intFrom(env.BULWARK_WEBHOOK_DISABLE_AFTER_HOURS, 72),
    ...overrides,
  });
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Expected a non-negative integer, got "${value}"`);
  return n;
}
