// Short risky phrases listened for by keyword spotting, beside full transcription: pocketsphinx
// garbles most of a synthetic threat ("we killed you are you") but often still hears these. The
// threshold was chosen on espeak-ng speech (3 voices × 2 speeds, 6 risky and 6 harmless
// sentences): 1e-20 heard a phrase in 22/36 risky clips and 2/36 harmless ones; 1e-25 in 31/36
// and 6/36; 1e-40 in every clip (docs/accuracy-voice.md). What a spotted phrase means is decided
// by the text pipeline, like any other text (the text classifier included: 'kill you' alone is
// harassment).

import type { ListenFor } from './speechEngine.js';

const THRESHOLD = 1e-20;

export const SPOKEN_PHRASES: readonly ListenFor[] = [
  'kill you', 'kill myself', 'shoot you', 'hurt you', 'going to kill', 'want to die',
  'cheap pills', 'send money', 'free gift', 'whatsapp', 'telegram', 'click the link',
].map((phrase) => ({ phrase, threshold: THRESHOLD }));
