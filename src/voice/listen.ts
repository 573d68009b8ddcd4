// Listening to a recording: ffmpeg turns any audio (or a video's sound) into the 16 kHz mono WAV
// the speech engine reads, then the engine transcribes it and spots the risky phrases. Languages
// without an engine are said so, never guessed at.

import path from 'node:path';
import { BulwarkError } from '../errors.js';
import { runTool } from '../media/tools.js';
import type { ListenFor, SpeechEngine, SpokenWord, SpottedPhrase } from './speechEngine.js';

export interface Heard {
  /** The language listened for (the request's `lang`, default English). */
  language: string;
  /** name and version of the engine, or null when no engine speaks the language. */
  engine: string | null;
  words: SpokenWord[];
  spotted: SpottedPhrase[];
  /** Why nothing was transcribed, when nothing was. */
  note?: string;
}

/** Nothing heard in this language, and why (no sound track, no engine for it). */
export function nothingHeard(language: string, note?: string): Heard {
  return { language, engine: null, words: [], spotted: [], ...(note ? { note } : {}) };
}

export interface ListenOptions {
  engine: SpeechEngine;
  phrases: readonly ListenFor[];
  language: string;
  /** A folder of the job's own, where the WAV is written. */
  workDir: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function listen(file: string, options: ListenOptions): Promise<Heard> {
  const { engine, language } = options;
  if (!engine.languages.includes(language)) {
    return nothingHeard(language, `No offline speech engine for "${language}" is available; the audio was not transcribed (engines: ${engine.name} for ${engine.languages.join(', ')}).`);
  }
  const wav = path.join(options.workDir, 'speech.wav');
  const converted = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', file, '-vn', '-ac', '1', '-ar', '16000', '-sample_fmt', 's16', wav],
    { signal: options.signal, timeoutMs: options.timeoutMs });
  if (converted.code !== 0) throw new BulwarkError('MEDIA_UNDECODABLE', `The sound cannot be decoded: ${converted.stderr.split('\n')[0].slice(0, 200)}`);
  const words = await engine.transcribe(wav, options.signal);
  const spotted = await engine.spot(wav, options.phrases, options.signal);
  return { language, engine: engine.version, words, spotted };
}
