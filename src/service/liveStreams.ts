// Live streams as the service runs them: each is pulled by ffmpeg (streams/puller.ts); every
// frame is judged as a picture and every few seconds of sound as speech, and each flagged moment
// becomes a decision (audit log, review queue) and a stream.alert webhook at once. A stream that
// breaks is pulled again with backoff for a while, then reported failed; one that finishes is
// reported ended. The state lives in the database under a lease, so any worker can show it and
// a server that dies is replaced: another start (or worker) resumes its streams.

import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '../db/index.js';
import type { StreamClaim, StreamRow } from '../db/index.js';
import { BulwarkError } from '../errors.js';
import { addHeard, addTimed, noFindings, pictureFindings, recordingDecision } from '../moderation/index.js';
import type { Decision, Findings } from '../moderation/index.js';
import { openStreamAccess, vettedStreamHost } from '../streams/network.js';
import type { StreamAccess } from '../streams/network.js';
import { StreamPull, streamKinds } from '../streams/puller.js';
import type { PullEnd, PulledFrame, PulledSound } from '../streams/puller.js';
import { listen, nothingHeard } from '../voice/listen.js';
import type { Heard } from '../voice/listen.js';
import { SPOKEN_PHRASES } from '../voice/spokenPhrases.js';
import { mediaContext, recordMediaDecision, textReadSchedule } from './mediaDeps.js';
import type { MediaContext, MediaDeps } from './mediaDeps.js';

export interface StreamSettings {
  /** Where each stream's folder is made ($BULWARK_DATA_DIR/streams). */
  dir: string;
  maxActive: number;
  leaseMs: number;
  /** How long a broken stream is pulled again before it is reported failed. */
  reconnectMs: number;
  allowHosts: readonly string[];
}

export interface StreamRequest { policy?: string; dataId?: string | null; metadata?: Record<string, unknown> | null; lang?: string }

export type StreamDeps = MediaDeps;

/** What judging a moment of a stream needs: the tenant's policy, lists and settings, and the stream's language. */
type StreamContext = MediaContext & { lang: string };

const SCHEMES = new Set(['http:', 'https:', 'rtmp:', 'rtmps:', 'rtsp:']);

export class LiveStreams {
  readonly settings: StreamSettings;
  readonly #deps: StreamDeps;
  readonly #pulling = new Map<string, { stop(): void; retake(claim: StreamClaim): void; done: Promise<void> }>();
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(settings: StreamSettings, deps: StreamDeps) {
    this.settings = settings;
    this.#deps = deps;
  }

  /** Resumes streams whose server died, now and every third of a lease. */
  start(): void {
    const look = () => {
      this.#deps.stores.streams.claimOrphans(new Date(), this.settings.leaseMs)
        .then((orphans) => { for (const row of orphans) this.#pull(row); })
        .catch((err: unknown) => console.error('bulwark: resuming streams failed (will retry)', err));
    };
    look();
    this.#timer = setInterval(look, Math.max(1_000, this.settings.leaseMs / 3));
    this.#timer.unref();
  }

  async create(tenantId: string, url: string, interval: number, request: StreamRequest): Promise<StreamRow> {
    const parsed = checkedUrl(url);
    await vettedStreamHost(parsed, this.settings.allowHosts);
    if (await this.#deps.stores.streams.countActive() >= this.settings.maxActive) {
      throw new BulwarkError('SERVICE_BUSY', `${this.settings.maxActive} streams are being pulled already; stop one or retry later.`);
    }
    const row = await this.#deps.stores.streams.create({ tenantId, url: parsed.toString(), interval, request: { ...request } }, new Date(), this.settings.leaseMs);
    this.#pull(row);
    return row;
  }

  async stop(tenantId: string, id: string): Promise<StreamRow> {
    const row = await this.#deps.stores.streams.stop(tenantId, id);
    this.#pulling.get(id)?.stop();
    return row;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    const pulls = [...this.#pulling.values()];
    for (const pull of pulls) pull.stop();
    await Promise.all(pulls.map((p) => p.done));
  }

  /** Pulls the stream until it ends, fails or is stopped, reconnecting while it is broken. */
  #pull(row: StreamRow): void {
    // This server claimed a stream it still pulls (its renewals lapsed for a while): the pull goes on under the new claim.
    this.#pulling.get(row.id)?.retake(row);
    if (this.#pulling.has(row.id) || this.#closed) return;
    let held: StreamClaim = row;
    let current: StreamPull | null = null;
    let stopped = false;
    const { streams } = this.#deps.stores;
    const dir = path.join(this.settings.dir, row.id);
    const began = Date.now();
    let lastData = Date.now();
    const readText = textReadSchedule();
    // One connection: probe what the stream carries, pull it until ffmpeg exits; how it ended.
    const connect = async (attempt: number): Promise<PullEnd> => {
      const connection = path.join(dir, String(attempt));
      await mkdir(connection, { recursive: true });
      const offset = (Date.now() - began) / 1000;
      const since = Date.now();
      const status = () => (lastData >= since ? 'live' : attempt === 0 ? 'starting' : 'reconnecting');
      const renew = () => {
        streams.renew(held, status(), new Date(), this.settings.leaseMs)
          .then((still) => { if (!still) { stopped = true; current?.stop(); } }, () => undefined);
      };
      const keepAlive = setInterval(renew, Math.max(500, this.settings.leaseMs / 3));
      const arrived = () => {
        const first = lastData < since;
        lastData = Date.now();
        if (first) renew();
      };
      let access: StreamAccess | null = null;
      try {
        access = await openStreamAccess(row.url, this.settings.allowHosts);
        const kinds = await streamKinds(access, 20_000);
        if (stopped || this.#closed) return { code: null, error: 'stopped', sawData: false };
        current = new StreamPull(access, connection, row.interval, kinds, {
          frame: async (frame) => {
            arrived();
            await this.#judgeFrame(row, frame, offset, readText(frame.time + offset, false)).catch((err: unknown) => console.error('bulwark: a stream frame failed', err));
          },
          sound: async (sound) => {
            arrived();
            await this.#judgeSound(row, sound, offset, connection).catch((err: unknown) => console.error('bulwark: a stream sound piece failed', err));
          },
        });
        return withRefusals(await current.ended, access);
      } catch (err) {
        return withRefusals({ code: null, error: err instanceof Error ? err.message : String(err), sawData: false }, access);
      } finally {
        clearInterval(keepAlive);
        current?.stop();
        await access?.close();
        await rm(connection, { recursive: true, force: true });
      }
    };
    const run = async () => {
      let delay = 1_000;
      for (let attempt = 0; !stopped && !this.#closed; attempt++) {
        const end = await connect(attempt);
        if (stopped || this.#closed) break;
        const why = end.error || `ffmpeg exited with ${end.code}`;
        if (end.code === 0 && end.sawData) {
          await this.#ended(await streams.end(held, 'ended'));
          break;
        }
        if (Date.now() - lastData > this.settings.reconnectMs) {
          await this.#ended(await streams.end(held, 'failed', `The stream broke and did not come back within ${Math.round(this.settings.reconnectMs / 1000)} s: ${why}`));
          break;
        }
        if (!(await streams.renew(held, 'reconnecting', new Date(), this.settings.leaseMs, why))) break;
        await sleep(delay);
        delay = Math.min(delay * 2, 15_000);
      }
    };
    const done = run()
      .catch((err: unknown) => console.error('bulwark: pulling a stream failed', err))
      .finally(async () => {
        this.#pulling.delete(row.id);
        await rm(dir, { recursive: true, force: true });
      });
    this.#pulling.set(row.id, { stop: () => { stopped = true; current?.stop(); }, retake: (claim) => { held = claim; }, done });
  }

  async #judgeFrame(row: StreamRow, frame: PulledFrame, offset: number, readText: boolean): Promise<void> {
    const analysis = await this.#deps.images.analyse(await readFile(frame.file), { readText });
    const start = offset + frame.time;
    const ctx = await this.#context(row);
    const found = noFindings();
    addTimed(found, await pictureFindings(analysis, ctx), { start, end: start + row.interval });
    await this.#decide(row, found, nothingHeard(ctx.lang), ctx, { file: frame.file, contentType: 'image/jpeg', offset: start });
  }

  async #judgeSound(row: StreamRow, sound: PulledSound, offset: number, dir: string): Promise<void> {
    const ctx = await this.#context(row);
    const heard = await listen(sound.file, { engine: this.#deps.engine, phrases: SPOKEN_PHRASES, language: ctx.lang, workDir: dir, timeoutMs: 120_000 });
    const shift = offset + sound.start;
    const moved: Heard = {
      ...heard,
      words: heard.words.map((w) => ({ ...w, time: { start: w.time.start + shift, end: w.time.end + shift } })),
      spotted: heard.spotted.map((s) => ({ ...s, time: { start: s.time.start + shift, end: s.time.end + shift } })),
    };
    const found = noFindings();
    await addHeard(found, moved, ctx);
    // The whole piece is read (a phrase across the cut reads whole); when all it found ended before
    // the fresh sound, the piece before has judged it already.
    if (found.evidence.length > 0 && found.evidence.every((e) => e.time !== undefined && e.time.end <= offset + sound.fresh)) return;
    await this.#decide(row, found, moved, ctx, { file: sound.file, contentType: 'audio/wav', offset: shift });
  }

  /**
   * A moment that is not a pass becomes a decision (recorded, reviewed if so) and a stream.alert;
   * its frame or sound piece is kept for reviewers when the tenant stores content.
   */
  async #decide(row: StreamRow, found: Findings, heard: Heard, ctx: StreamContext, piece: { file: string; contentType: string; offset: number }): Promise<void> {
    const request = JSON.parse(row.request) as StreamRequest;
    const createdAt = new Date().toISOString();
    const decision: Decision = recordingDecision(found, heard, { format: 'stream', duration: 0, bytes: 0, sha256: '', video: null }, 'video',
      { dataId: request.dataId ?? null, metadata: { ...(request.metadata ?? {}), streamId: row.id } },
      { ...ctx, id: newId('dec'), createdAt }, performance.now());
    if (decision.suggestion === 'pass') return;
    recordMediaDecision(this.#deps, decision, row.tenant_id);
    await this.#deps.media.keepFlagged(row.tenant_id, decision, { file: piece.file }, piece.contentType, piece.offset);
    const moment = { ...decision.timeline?.[0], suggestion: decision.suggestion, decisionId: decision.id, at: createdAt };
    await this.#deps.stores.streams.addFinding(row.id, moment);
    await this.#deps.webhooks.emit(row.tenant_id, 'stream.alert', { stream: streamView(row), moment, decision });
  }

  async #context(row: StreamRow): Promise<StreamContext> {
    const request = JSON.parse(row.request) as StreamRequest;
    return { ...(await mediaContext(this.#deps, row.tenant_id, request.policy)), lang: request.lang ?? 'en' };
  }

  async #ended(row: StreamRow | null): Promise<void> {
    if (row) await this.#deps.webhooks.emit(row.tenant_id, 'stream.alert', { stream: streamView(row), ended: true });
  }
}

/** How a connection ended, saying first what the proxy refused (the likely reason it broke). */
function withRefusals(end: PullEnd, access: StreamAccess | null): PullEnd {
  const refused = access?.refused() ?? [];
  return refused.length === 0 ? end : { ...end, error: `Refused ${refused.join('; ')}${end.error ? ` (ffmpeg: ${end.error})` : ''}` };
}

/** A stream as the API shows it. */
export function streamView(row: StreamRow) {
  return {
    id: row.id, url: row.url, interval: Number(row.interval), status: row.status, lastError: row.last_error,
    alerts: Number(row.alerts), findings: JSON.parse(row.findings) as unknown[], createdAt: row.created_at, updatedAt: row.updated_at, endedAt: row.ended_at,
  };
}

function checkedUrl(raw: string): URL {
  let url: URL;
  try { url = new URL(raw); } catch { throw new BulwarkError('URL_NOT_ALLOWED', 'The URL does not parse.'); }
  if (!SCHEMES.has(url.protocol)) throw new BulwarkError('URL_NOT_ALLOWED', `Streams are pulled over http, https, rtmp, rtmps or rtsp, not ${url.protocol}`);
  return url;
}
