// Pulls one live stream (HLS, RTMP, RTSP or HTTP) with ffmpeg into a folder: a JPEG every `interval`
// seconds and the sound in 16 kHz mono WAV pieces of SEGMENT_SECONDS, for whichever of the two the
// stream has (streamKinds asks ffprobe first: ffmpeg refuses an output it has nothing for). A file
// is handed on once the next one exists (so it is complete) or ffmpeg has exited, then deleted;
// nothing is handed on after stop() (the files being written are cut short). Each sound piece is
// handed on with the last OVERLAP_SECONDS of the one before it in front, so a phrase said across
// the cut is heard whole; `fresh` says where the new sound begins. Times are seconds since this
// connection began; the caller adds where the connection started.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runTool } from '../media/tools.js';
import { bytesPerSecond, readWav, writeWav } from '../media/wav.js';
import type { StreamAccess } from './network.js';

export const SEGMENT_SECONDS = 5;
export const OVERLAP_SECONDS = 2;
const POLL_MS = 250;

export interface PulledFrame { time: number; file: string }
/** A piece of sound from `start` to `end`; what lies before `fresh` was in the piece before too. */
export interface PulledSound { start: number; fresh: number; end: number; file: string }

export interface PullHandlers {
  frame(frame: PulledFrame): Promise<void>;
  sound(sound: PulledSound): Promise<void>;
}

/** How a pull ended: ffmpeg's exit code and the start of what it said. */
export interface PullEnd { code: number | null; error: string; sawData: boolean }

/** What the stream carries, from ffprobe; throws when it cannot be read at all. */
export async function streamKinds(access: StreamAccess, timeoutMs: number): Promise<{ video: boolean; audio: boolean }> {
  const args = ['-v', 'error', ...access.args, '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', access.url];
  const { stdout, stderr, code } = await runTool('ffprobe', args, { timeoutMs, env: access.env });
  const kinds = new Set(stdout.split('\n').map((l) => l.trim()));
  if (code !== 0 || (!kinds.has('video') && !kinds.has('audio'))) throw new Error(stderr.split('\n').filter(Boolean).slice(-1)[0] ?? `ffprobe exited with ${code}`);
  return { video: kinds.has('video'), audio: kinds.has('audio') };
}

export class StreamPull {
  readonly #child: ChildProcess;
  readonly #dir: string;
  readonly #interval: number;
  readonly #handlers: PullHandlers;
  /** The next file of each kind to hand on (image2 counts frames from 1, the segment muxer from 0). */
  readonly #next = { frame: 1, sound: 0 };
  readonly ended: Promise<PullEnd>;
  #stderr = '';
  #sawData = false;
  #stopped = false;
  #busy: Promise<void> = Promise.resolve();
  /** The end of the last sound piece, put in front of the next. */
  #tail: Buffer = Buffer.alloc(0);

  constructor(access: StreamAccess, dir: string, interval: number, kinds: { video: boolean; audio: boolean }, handlers: PullHandlers) {
    this.#dir = dir;
    this.#interval = interval;
    this.#handlers = handlers;
    const frames = kinds.video
      ? ['-map', '0:v:0', '-vf', `fps=1/${interval},scale='min(768,iw)':-2`, '-q:v', '3', '-f', 'image2', path.join(dir, 'frame-%06d.jpg')] : [];
    const sound = kinds.audio
      ? ['-map', '0:a:0', '-ac', '1', '-ar', '16000', '-f', 'segment', '-segment_time', String(SEGMENT_SECONDS), '-reset_timestamps', '1', path.join(dir, 'sound-%06d.wav')]
      : [];
    this.#child = spawn('ffmpeg', ['-nostdin', '-v', 'error', ...access.args, '-i', access.url, ...frames, ...sound], { stdio: ['ignore', 'ignore', 'pipe'], env: access.env });
    this.#child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { if (this.#stderr.length < 4000) this.#stderr += chunk; });
    const timer = setInterval(() => { this.#busy = this.#busy.then(() => this.#collect(false)).catch(logged); }, POLL_MS);
    this.ended = new Promise((resolve) => {
      this.#child.on('error', (err) => { this.#stderr += err.message; });
      this.#child.on('close', (code) => {
        clearInterval(timer);
        this.#busy = this.#busy.then(() => this.#collect(true)).catch(logged);
        void this.#busy.then(() => resolve({ code, error: this.#stderr.split('\n').filter(Boolean).slice(-2).join(' ').slice(0, 300), sawData: this.#sawData }));
      });
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#child.kill('SIGKILL');
  }

  /** Hands on, in order, every file whose successor exists (or every file, once ffmpeg has exited), deleting each after. */
  async #collect(all: boolean): Promise<void> {
    for (const kind of ['frame', 'sound'] as const) {
      for (;;) {
        const k = this.#next[kind];
        const file = this.#file(kind, k);
        if (this.#stopped || !existsSync(file) || (!all && !existsSync(this.#file(kind, k + 1)))) break;
        this.#next[kind] = k + 1;
        this.#sawData = true;
        if (kind === 'frame') await this.#handlers.frame({ time: (k - 1) * this.#interval, file });
        else await this.#soundPiece(k, file);
        await rm(file, { force: true });
      }
    }
  }

  /** Where ffmpeg writes the k-th file of a kind (the names its output patterns give). */
  #file(kind: 'frame' | 'sound', k: number): string {
    return path.join(this.#dir, `${kind}-${String(k).padStart(6, '0')}.${kind === 'frame' ? 'jpg' : 'wav'}`);
  }

  /** Hands on sound piece k with the end of the piece before in front (rewritten in place); a broken piece is skipped. */
  async #soundPiece(k: number, file: string): Promise<void> {
    const pcm = await readWav(file).catch((err: unknown) => { logged(err); return null; });
    if (!pcm) return;
    const tail = this.#tail;
    const rate = bytesPerSecond(pcm);
    const joined = { ...pcm, data: Buffer.concat([tail, pcm.data]) };
    this.#tail = Buffer.from(joined.data.subarray(Math.max(0, joined.data.length - OVERLAP_SECONDS * rate)));
    if (tail.length > 0) await writeWav(file, joined);
    const fresh = k * SEGMENT_SECONDS;
    await this.#handlers.sound({ start: fresh - tail.length / rate, fresh, end: fresh + pcm.data.length / rate, file });
  }
}

function logged(err: unknown): void {
  console.error('bulwark: a piece of a stream could not be handed on', err);
}
