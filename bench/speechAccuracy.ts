// Voice accuracy (docs/accuracy-voice.md): risky and harmless English sentences spoken by espeak-ng
// in 3 voices at 2 speeds, each through the whole audio pipeline (ffmpeg, pocketsphinx transcription
// and keyword spotting, the text pipeline, the default policy). Prints how many risky clips were
// flagged (review or block), how many harmless ones were, and the real-time factor.
// Run: node dist/bench/speechAccuracy.js

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { probeMedia } from '../src/media/probe.js';
import { moderateRecording } from '../src/moderation/index.js';
import { recording } from '../src/voice/fixtures.js';
import { listen } from '../src/voice/listen.js';
import { PocketSphinx } from '../src/voice/pocketsphinx.js';
import { SPOKEN_PHRASES } from '../src/voice/spokenPhrases.js';
import { isMain } from './measure.js';
import { pipelineContext } from './peers.js';

const RISKY = [
  'I am going to kill you tonight', 'I will kill you and your family', 'I want to kill myself', 'Buy cheap pills now at our website',
  'Send money to my account today', 'Add me on WhatsApp for a free gift', 'I will shoot you when you leave work', 'Nobody would care if I died',
];
const HARMLESS = [
  'The weather is lovely this afternoon', 'We should meet for lunch on Friday', 'Please water the tomatoes in the garden',
  'The train was late again this morning', 'My sister is learning to play the piano', 'This recipe needs two cups of flour',
  'The children built a snowman in the park', 'Call me when you get home tonight',
];
const VOICES = ['en-us', 'en-us+m3', 'en-us+f2'];
const SPEEDS = [140, 175];

export async function runSpeechAccuracy(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-speech-bench-'));
  const engine = new PocketSphinx({ timeoutMs: 120_000 });
  const ctx = await pipelineContext();
  const flagged = { risky: 0, harmless: 0 };
  const byReader = { speech: 0, 'keyword-spotting': 0 };
  const falseAlarms: string[] = [];
  let audioSeconds = 0;
  let workMs = 0;
  try {
    for (const [label, sentences] of [['risky', RISKY], ['harmless', HARMLESS]] as const) {
      for (const sentence of sentences) {
        for (const voice of VOICES) {
          for (const speed of SPEEDS) {
            const file = path.join(dir, 'clip.wav');
            await recording(file, [{ silence: 1 }, { say: sentence, voice, speed }, { silence: 1 }]);
            const started = performance.now();
            const probe = await probeMedia(file, { maxSeconds: 600, timeoutMs: 10_000 });
            const heard = await listen(file, { engine, phrases: SPOKEN_PHRASES, language: 'en', workDir: dir, timeoutMs: 120_000 });
            const decision = await moderateRecording(heard, { format: probe.format, duration: probe.duration, bytes: 0, sha256: '', video: null }, 'audio', {},
              { ...ctx, id: 'dec_bench', createdAt: new Date().toISOString(), includeTranscript: true });
            workMs += performance.now() - started;
            audioSeconds += probe.duration;
            if (decision.suggestion === 'pass') continue;
            flagged[label]++;
            const readers = new Set(decision.evidence.filter((e) => e.severity !== 'none').map((e) => e.source));
            if (label === 'risky') for (const r of readers) if (r in byReader) byReader[r as keyof typeof byReader]++;
            if (label === 'harmless') falseAlarms.push(`"${sentence}" (${voice}, ${speed}): heard "${decision.transcript?.text}" → ${decision.evidence.map((e) => e.rule).join(', ')}`);
          }
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const clips = RISKY.length * VOICES.length * SPEEDS.length;
  console.log(`\n== voice: espeak-ng English, ${VOICES.length} voices × ${SPEEDS.length} speeds, default policy`);
  console.log(`risky clips flagged: ${flagged.risky}/${clips} (${(100 * flagged.risky / clips).toFixed(1)} %); ` +
    `from the transcript ${byReader.speech}, from keyword spotting ${byReader['keyword-spotting']}`);
  console.log(`harmless clips flagged: ${flagged.harmless}/${HARMLESS.length * VOICES.length * SPEEDS.length}`);
  for (const line of falseAlarms) console.log(`  ${line}`);
  console.log(`real-time factor (work ÷ audio): ${(workMs / 1000 / audioSeconds).toFixed(3)} over ${audioSeconds.toFixed(0)} s of audio`);
}

if (isMain(import.meta.url)) await runSpeechAccuracy();
