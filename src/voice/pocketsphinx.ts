// The first speech engine: Debian's pocketsphinx with its US English model, run as
// `pocketsphinx_continuous` (about 0.25× real time on one core). Its accuracy is poor (../shared/ASR.md:
// ~55 % word error on synthetic speech), which is why keyword spotting runs beside it.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '../media/tools.js';
import type { ListenFor, SpeechEngine, SpokenWord, SpottedPhrase } from './speechEngine.js';

/** Output lines with -time yes: "word start end confidence"; alternates carry "(2)". */
const TIMED = /^(\S+(?: \S+)*?)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+(?:\.\d+)?)\s*$/;
const FILLERS = new Set(['<s>', '</s>', '<sil>', '[noise]', '<noise>']);

/**
 * Narrower search for transcription: half the time (0.25 → 0.12× real time) for one risky clip in
 * 48 fewer flagged on the espeak-ng set (docs/accuracy-voice.md). Downsampling (-ds 2) was faster
 * still but lost 3.
 */
const FASTER = ['-topn', '2', '-maxwpf', '5', '-maxhmmpf', '3000', '-pl_window', '5'];

export class PocketSphinx implements SpeechEngine {
  readonly name = 'pocketsphinx';
  readonly version = 'pocketsphinx 0.8 en-us (Debian)';
  readonly languages = ['en'] as const;
  readonly #timeoutMs: number;

  constructor(options: { timeoutMs: number }) {
    this.#timeoutMs = options.timeoutMs;
  }

  async transcribe(wav: string, signal?: AbortSignal): Promise<SpokenWord[]> {
    const { stdout } = await runTool('pocketsphinx_continuous', ['-infile', wav, '-time', 'yes', '-logfn', '/dev/null', ...FASTER],
      { signal, timeoutMs: this.#timeoutMs });
    const words: SpokenWord[] = [];
    for (const line of stdout.split('\n')) {
      const m = TIMED.exec(line.trim());
      if (!m || m[1].includes(' ')) continue;
      const text = m[1].replace(/\(\d+\)$/, '');
      if (FILLERS.has(text) || text.startsWith('++')) continue;
      words.push({ text, time: { start: Number(m[2]), end: Number(m[3]) }, confidence: Number(m[4]) });
    }
    return words;
  }

  async spot(wav: string, phrases: readonly ListenFor[], signal?: AbortSignal): Promise<SpottedPhrase[]> {
    if (phrases.length === 0) return [];
    const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-kws-'));
    try {
      const list = path.join(dir, 'phrases.txt');
      await writeFile(list, phrases.map((p) => `${p.phrase.toLowerCase()} /${p.threshold.toExponential()}/`).join('\n') + '\n');
      const { stdout } = await runTool('pocketsphinx_continuous', ['-infile', wav, '-kws', list, '-time', 'yes', '-logfn', '/dev/null'],
        { signal, timeoutMs: this.#timeoutMs });
      const spotted: SpottedPhrase[] = [];
      for (const line of stdout.split('\n')) {
        const m = TIMED.exec(line.trim());
        if (m) spotted.push({ phrase: m[1].trim(), time: { start: Number(m[2]), end: Number(m[3]) } });
      }
      return spotted;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
