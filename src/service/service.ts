// The running service: database, stores, detectors, caches and the audit recorder, built once
// from a Config and shared by the HTTP app and the CLI.

import path from 'node:path';
import type { Config } from '../config.js';
import { BulwarkError } from '../errors.js';
import { createDb, createStores } from '../db/index.js';
import type { Db, Stores } from '../db/index.js';
import type { Detector } from '../detectors/index.js';
import { builtinTextDetectors } from '../detectors/index.js';
import { CachedSources } from './cachedSources.js';
import { DecisionRecorder } from './decisionRecorder.js';
import { Metrics } from './metrics.js';
import { DEFAULT_IMAGE_LIMITS } from '../images/decode.js';
import { ImageModeration } from './imageModeration.js';
import { TextModeration } from './textModeration.js';
import { announceFlagged } from './announceFlagged.js';
import { ReviewMedia } from './reviewMedia.js';
import { RecordingJobs } from './recordingJobs.js';
import { LiveStreams } from './liveStreams.js';
import { DEFAULT_RUNNER } from '../jobs/runner.js';
import { PocketSphinx } from '../voice/pocketsphinx.js';
import { WebhookEvents } from '../webhooks/events.js';
import { DEFAULT_SENDER, WebhookSender } from '../webhooks/sender.js';

export interface TenantSettings { storeContent: boolean; includeTranscript: boolean }

/** Cached state that changed: a tenant's policies, lists and settings, or the API keys. */
export type Change = { tenant: string } | { keys: true };

/** The other workers of this deployment (cli/cluster.ts): every one of them answers, this one included. */
export interface PeerLine { ask(body: unknown): Promise<unknown[]> }

export interface Service {
  readonly config: Config;
  readonly db: Db;
  readonly stores: Stores;
  readonly detectors: readonly Detector[];
  readonly sources: CachedSources;
  readonly recorder: DecisionRecorder;
  readonly metrics: Metrics;
  readonly text: TextModeration;
  readonly images: ImageModeration;
  /** Flagged pictures and recordings kept for reviewers. */
  readonly media: ReviewMedia;
  /** Webhook events of every tenant: queued here, sent by `webhookSender` (started by `serve`). */
  readonly webhooks: WebhookEvents;
  readonly webhookSender: WebhookSender;
  /** Audio (and later video) moderation as durable jobs; `serve` starts their runner. */
  readonly recordings: RecordingJobs;
  /** Live streams being pulled; `serve` starts resuming orphaned ones. */
  readonly streams: LiveStreams;
  tenantSettings(tenantId: string): Promise<TenantSettings>;
  /**
   * Makes every accepted decision durable before a read (in every worker, when there are several);
   * throws SERVICE_NOT_READY while writes fail.
   */
  flushDecisions(): Promise<void>;
  /** Cached state changed: forget it here, and in every other worker before this resolves. */
  changed(change: Change): Promise<void>;
  /** Forget it here only (what another worker's `changed` runs). */
  applyChange(change: Change): void;
  /** Also called on every change, local or not (the HTTP layer's key cache listens). */
  onChange(listener: (change: Change) => void): void;
  /** Several workers serve this deployment: changes and flushes go to all of them. */
  connectPeers(peers: PeerLine): void;
  ready(): Promise<{ ready: boolean; checks: Record<string, string> }>;
  close(): Promise<void>;
}

export interface ServiceOptions { onRecorderError?: (err: unknown, dropped: number) => void }

/** The database, migrated, with its stores and the default tenant in place. */
export async function openStores(config: Config): Promise<{ db: Db; stores: Stores }> {
  const db = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const stores = createStores(db);
  await stores.tenants.ensureDefault();
  return { db, stores };
}

export async function createService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const { db, stores } = await openStores(config);
  const detectors = await builtinTextDetectors();
  const sources = new CachedSources(stores, config.storeContent);
  const webhookSender = new WebhookSender(stores.webhooks, {
    ...DEFAULT_SENDER, timeoutMs: config.webhookTimeoutMs, allowHosts: config.fetchAllowHosts,
    retry: { ...DEFAULT_SENDER.retry, windowMs: config.webhookRetryHours * 3600_000 }, disableAfterMs: config.webhookDisableAfterHours * 3600_000,
  });
  const webhooks = new WebhookEvents(stores.webhooks, () => webhookSender.poke());
  const announcing = new Set<Promise<void>>();
  const recorder = new DecisionRecorder(
    {
      async write(decisions, reviews) {
        await stores.decisions.insertMany(decisions, reviews);
        // Once they are stored, so a receiver can read them; close() waits for it.
        const queued = announceFlagged(webhooks, decisions)
          .catch((err: unknown) => console.error('bulwark: queueing decision.flagged webhooks failed', err))
          .finally(() => announcing.delete(queued));
        announcing.add(queued);
      },
    },
    { onError: options.onRecorderError ?? ((err, dropped) => console.error(`bulwark: writing decisions failed (will retry; dropped ${dropped})`, err)) },
  );
  const metrics = new Metrics();
  const tenantSettings = (tenantId: string): Promise<TenantSettings> => sources.settings(tenantId);
  const text = new TextModeration(detectors, sources, recorder, metrics, tenantSettings);
  const media = new ReviewMedia(path.join(config.dataDir, 'media'), config.mediaRetentionDays, tenantSettings);
  const images = new ImageModeration({
    limits: { maxBytes: config.imageMaxBytes, maxPixels: config.imageMaxPixels, maxFrames: DEFAULT_IMAGE_LIMITS.maxFrames },
    threads: config.imageThreads, timeoutMs: config.imageTimeoutMs, ocr: config.imageOcr,
  }, detectors, sources, recorder, metrics, media);
  const recordings = new RecordingJobs({
    dir: path.join(config.dataDir, 'jobs'), maxBytes: config.mediaMaxBytes, maxSeconds: config.mediaMaxSeconds,
    maxQueued: config.jobMaxQueued, maxDiskBytes: config.jobMaxDiskBytes, runner: {
      ...DEFAULT_RUNNER, concurrency: config.jobConcurrency, leaseMs: config.jobLeaseMs, heartbeatMs: Math.max(200, Math.floor(config.jobLeaseMs / 5)),
    },
  }, {
    stores, sources, settingsOf: tenantSettings, detectors, recorder, metrics, webhooks, media,
    fetchLimits: { timeoutMs: config.fetchTimeoutMs, maxRedirects: 5, allowHosts: config.fetchAllowHosts },
    engine: new PocketSphinx({ timeoutMs: config.mediaMaxSeconds * 2_000 + 60_000 }), images,
  });
  const streams = new LiveStreams({
    dir: path.join(config.dataDir, 'streams'), maxActive: config.streamMaxActive, leaseMs: config.jobLeaseMs,
    reconnectMs: config.streamReconnectSeconds * 1000, allowHosts: config.fetchAllowHosts,
  }, {
    stores, sources, settingsOf: tenantSettings, detectors, recorder, metrics, webhooks, images, media,
    engine: new PocketSphinx({ timeoutMs: 120_000 }),
  });
  const listeners: ((change: Change) => void)[] = [];
  let peers: PeerLine | null = null;
  const applyChange = (change: Change): void => {
    if ('tenant' in change) {
      sources.invalidate(change.tenant);
      webhooks.forget(change.tenant);
    }
    for (const listener of listeners) listener(change);
  };

  return {
    config, db, stores, detectors, sources, recorder, metrics, text, images, media, webhooks, webhookSender, recordings, streams, tenantSettings,
    async changed(change) {
      if (peers) await peers.ask({ change }); else applyChange(change);
    },
    applyChange,
    onChange(listener) { listeners.push(listener); },
    connectPeers(line) { peers = line; },
    async flushDecisions() {
      if (peers) await peers.ask({ flush: true }); else await recorder.flush();
      if (recorder.failures > 0) {
        throw new BulwarkError('SERVICE_NOT_READY', `Writing the audit log is failing; ${recorder.pending} decisions are waiting to be retried.`);
      }
    },
    async ready() {
      const checks: Record<string, string> = {};
      try { await db.ping(); checks.database = 'ok'; } catch (err) { checks.database = String(err); }
      for (const d of detectors) checks[`detector:${d.name}`] = `loaded ${d.version}`;
      checks.pictureWorkers = images.state;
      checks.auditLog = recorder.failures === 0 ? 'ok' : `${recorder.failures} failed writes, ${recorder.pending} decisions waiting`;
      return { ready: checks.database === 'ok', checks };
    },
    async close() {
      await recordings.runner.stop();
      await streams.close();
      await images.close();
      await recorder.flush();
      await Promise.all(announcing);
      await webhookSender.stop();
      recorder.close();
      await db.close();
    },
  };
}
