// Pulls one live stream (HLS, RTMP, RTSP or HTTP) with ffmpeg into a folder: a JPEG every `interval`
// seconds and the sound in 16 kHz mono WAV pieces of SEGMENT_SECONDS. A file is handed on once the
// next one exists (so it is complete) or ffmpeg has exited. Times are seconds since this
// connection began; the caller adds where the connection started in the stream.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const SEGMENT_SECONDS = 5;
const POLL_MS = 250;

export interface PulledFrame { time: number; file: string }
export interface PulledSound { start: number; end: number; file: string }

export interface PullHandlers {
  frame(frame: PulledFrame): Promise<void>;
  sound(sound: PulledSound): Promise<void>;
}

/** How a pull ended: ffmpeg's exit code and the start of what it said. */
export interface PullEnd { code: number | null; error: string; sawData: boolean }

export class StreamPull {
  readonly #child: ChildProcess;
  readonly #dir: string;
  readonly #interval: number;
  readonly #handlers: PullHandlers;
  readonly #handed = new Set<string>();
  readonly ended: Promise<PullEnd>;
  #stderr = '';
  #sawData = false;
  #busy: Promise<void> = Promise.resolve();

  constructor(url: string, dir: string, interval: number, handlers: PullHandlers) {
    this.#dir = dir;
    this.#interval = interval;
    this.#handlers = handlers;
    const http = /^https?:/i.test(url) ? ['-rw_timeout', '15000000', '-reconnect', '0'] : ['-timeout', '15000000'];
    this.#child = spawn('ffmpeg', [
      '-nostdin', '-v', 'error', ...http, '-i', url,
      '-map', '0:v?', '-vf', `fps=1/${interval},scale='min(1024,iw)':-2`, '-q:v', '3', '-f', 'image2', path.join(dir, 'frame-%06d.jpg'),
      '-map', '0:a?', '-ac', '1', '-ar', '16000', '-f', 'segment', '-segment_time', String(SEGMENT_SECONDS), '-reset_timestamps', '1',
      path.join(dir, 'sound-%06d.wav'),
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.#child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { if (this.#stderr.length < 4000) this.#stderr += chunk; });
    const timer = setInterval(() => { this.#busy = this.#busy.then(() => this.#collect(false)); }, POLL_MS);
    this.ended = new Promise((resolve) => {
      this.#child.on('error', (err) => { this.#stderr += err.message; });
      this.#child.on('close', (code) => {
        clearInterval(timer);
        this.#busy = this.#busy.then(() => this.#collect(true));
        void this.#busy.then(() => resolve({ code, error: this.#stderr.split('\n').filter(Boolean).slice(-2).join(' ').slice(0, 300), sawData: this.#sawData }));
      });
    });
  }

  stop(): void {
    this.#child.kill('SIGKILL');
  }

  /** Hands on every complete file not handed on yet, in order. */
  async #collect(all: boolean): Promise<void> {
    const files = (await readdir(this.#dir).catch(() => [] as string[])).sort();
    for (const kind of ['frame', 'sound'] as const) {
      const mine = files.filter((f) => f.startsWith(`${kind}-`) && !this.#handed.has(f));
      const ready = all ? mine : mine.slice(0, -1);
      for (const f of ready) {
        this.#handed.add(f);
        this.#sawData = true;
        const k = Number(/(\d+)/.exec(f)![1]);
        const file = path.join(this.#dir, f);
        if (kind === 'frame') await this.#handlers.frame({ time: (k - 1) * this.#interval, file });
        else await this.#handlers.sound({ start: k * SEGMENT_SECONDS, end: (k + 1) * SEGMENT_SECONDS, file });
      }
    }
  }
}
