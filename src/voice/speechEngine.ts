// Speech-to-text behind one small interface, so a better offline engine can replace the first one.
// An engine turns a 16 kHz mono WAV file into timed words, and spots given phrases (keyword
// spotting catches short risky phrases that full transcription garbles).

import type { TimeRange } from '../content/index.js';

export interface SpokenWord { text: string; time: TimeRange; confidence: number }

export interface SpottedPhrase { phrase: string; time: TimeRange }

/** A phrase to listen for, and how eager the spotter is (a pocketsphinx threshold: smaller hears more). */
export interface ListenFor { phrase: string; threshold: number }

export interface SpeechEngine {
  readonly name: string;
  readonly version: string;
  /** Languages it transcribes (BCP 47 primary tags). */
  readonly languages: readonly string[];
  transcribe(wav: string, signal?: AbortSignal): Promise<SpokenWord[]>;
  spot(wav: string, phrases: readonly ListenFor[], signal?: AbortSignal): Promise<SpottedPhrase[]>;
}
