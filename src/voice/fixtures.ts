// Recordings the tests make for themselves: speech from espeak-ng (Debian), silence and tones from
// ffmpeg, joined in order with known start times. Nothing here is a copy of real data.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '../media/tools.js';

export type Piece = { say: string; voice?: string; speed?: number } | { silence: number };

const TIMEOUT_MS = 60_000;

/** The pieces one after another as a 16 kHz mono file at `out` (its format from the extension); returns each piece's start and end in seconds. */
export async function recording(out: string, pieces: readonly Piece[]): Promise<{ start: number; end: number }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-speech-'));
  try {
    const files: string[] = [];
    for (const [k, piece] of pieces.entries()) {
      const file = path.join(dir, `${k}.wav`);
      if ('say' in piece) await runTool('espeak-ng', ['-v', piece.voice ?? 'en-us', '-s', String(piece.speed ?? 150), '-w', file, piece.say], { timeoutMs: TIMEOUT_MS });
      else await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-f', 'lavfi', '-i', `anullsrc=r=16000:cl=mono`, '-t', String(piece.silence), file], { timeoutMs: TIMEOUT_MS });
      files.push(file);
    }
    const times: { start: number; end: number }[] = [];
    let at = 0;
    for (const file of files) {
      const { stdout } = await runTool('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { timeoutMs: TIMEOUT_MS });
      const duration = Number(stdout.trim());
      times.push({ start: at, end: at + duration });
      at += duration;
    }
    const inputs = files.flatMap((f) => ['-i', f]);
    const filter = `${files.map((_, k) => `[${k}:a]aresample=16000,aformat=channel_layouts=mono[a${k}]`).join(';')};${files.map((_, k) => `[a${k}]`).join('')}concat=n=${files.length}:v=0:a=1[out]`;
    const made = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...inputs, '-filter_complex', filter, '-map', '[out]', out], { timeoutMs: TIMEOUT_MS });
    if (made.code !== 0) throw new Error(`ffmpeg could not join the recording: ${made.stderr}`);
    return times;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
