// The pictures and recordings reviewers look at. Kept only when the tenant stores content (the same
// opt-in as text) and the machine flagged them (review or block); deleted after the retention
// period. One folder per tenant under <dataDir>/media: `<decisionId>` holds the bytes and
// `<decisionId>.json` their content type, when they were kept and, for a live stream's frame or
// sound piece, where it starts on the stream's timeline.

import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import path from 'node:path';
import type { Decision } from '../moderation/index.js';
import type { SettingsOf } from './textModeration.js';

export interface KeptMedia {
  stream: Readable;
  contentType: string;
  bytes: number;
  /** Where on the decision's timeline the media starts, in seconds (a live stream's piece; 0 otherwise). */
  offset: number;
}

interface Meta { contentType: string; keptAt: number; offset?: number }

/** Keeps at most one sweep an hour: the sweep reads every folder. */
const SWEEP_EVERY_MS = 3600_000;

// Ids and tenant ids are ours (`dec_…`, `ten_…`/default), but a file name is never built from
// anything else.
const SAFE_NAME = /^[\w-]{1,64}$/;

export class ReviewMedia {
  readonly #dir: string;
  readonly #retentionMs: number;
  readonly #settingsOf: SettingsOf;
  #lastSweep = 0;

  constructor(dir: string, retentionDays: number, settingsOf: SettingsOf) {
    this.#dir = dir;
    this.#retentionMs = retentionDays * 86_400_000;
    this.#settingsOf = settingsOf;
  }

  /**
   * Keeps a decision's media when it is flagged (review or block, never a pass) and its tenant
   * stores content: a picture held in memory (`bytes`), or a copy of a file (`file`: the job
   * deletes its own), starting at `offset` s on the decision's timeline (a stream's piece). A
   * failure to write is logged, never fails the decision.
   */
  async keepFlagged(tenantId: string, decision: Pick<Decision, 'id' | 'suggestion'>, media: { bytes: Buffer } | { file: string }, contentType: string, offset = 0): Promise<void> {
    const file = this.#file(tenantId, decision.id);
    if (decision.suggestion === 'pass' || !(await this.#settingsOf(tenantId)).storeContent) return;
    try {
      await this.#prepare(file, { contentType, offset });
      if ('bytes' in media) await writeFile(file, media.bytes);
      else await copyFile(media.file, file);
    } catch (err) {
      console.error(`bulwark: keeping the media of ${decision.id} for review failed`, err);
    }
  }

  /** The kept media of a decision, or null when none was kept (or it expired). */
  async open(tenantId: string, decisionId: string): Promise<KeptMedia | null> {
    const file = this.#file(tenantId, decisionId);
    const meta = await readFile(`${file}.json`, 'utf8').then((text) => JSON.parse(text) as Meta, () => null);
    if (!meta || Date.now() - meta.keptAt > this.#retentionMs) return null;
    const size = await stat(file).then((s) => s.size, () => null);
    if (size === null) return null;
    return { stream: createReadStream(file), contentType: meta.contentType, bytes: size, offset: meta.offset ?? 0 };
  }

  /** Deletes what is past the retention period. */
  async sweep(now = Date.now()): Promise<number> {
    this.#lastSweep = now;
    let deleted = 0;
    const tenants = await readdir(this.#dir).catch(() => [] as string[]);
    for (const tenant of tenants) {
      const folder = path.join(this.#dir, tenant);
      for (const name of (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.json'))) {
        const meta = path.join(folder, name);
        const keptAt = await readFile(meta, 'utf8').then((text) => (JSON.parse(text) as Meta).keptAt, () => 0);
        if (now - keptAt <= this.#retentionMs) continue;
        await rm(meta.slice(0, -'.json'.length), { force: true });
        await rm(meta, { force: true });
        deleted += 1;
      }
    }
    return deleted;
  }

  async #prepare(file: string, what: Omit<Meta, 'keptAt'>): Promise<void> {
    if (Date.now() - this.#lastSweep > SWEEP_EVERY_MS) void this.sweep().catch((err: unknown) => console.error('bulwark: sweeping kept media failed', err));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.json`, JSON.stringify({ ...what, keptAt: Date.now() } satisfies Meta));
  }

  #file(tenantId: string, decisionId: string): string {
    if (!SAFE_NAME.test(tenantId) || !SAFE_NAME.test(decisionId)) throw new Error(`Unsafe media name: ${tenantId}/${decisionId}`);
    return path.join(this.#dir, tenantId, decisionId);
  }
}

const PICTURE_TYPES: Record<string, string> = {
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif', tiff: 'image/tiff', heif: 'image/heif',
};

/** A picture's content type from the format the decoder named. */
export function pictureType(format: string): string {
  return PICTURE_TYPES[format] ?? 'application/octet-stream';
}

/** A recording's content type from ffprobe's format name (a comma list such as "mov,mp4,m4a,…"). */
export function recordingType(format: string, video: boolean): string {
  const names = format.split(',');
  const kind = video ? 'video' : 'audio';
  if (names.includes('mp4') || names.includes('mov')) return `${kind}/mp4`;
  if (names.includes('webm') || names.includes('matroska')) return `${kind}/webm`;
  if (names.includes('ogg')) return `${kind}/ogg`;
  if (names.includes('wav')) return 'audio/wav';
  if (names.includes('mp3')) return 'audio/mpeg';
  if (names.includes('flac')) return 'audio/flac';
  return 'application/octet-stream';
}
