// The built-in detectors, loaded once. Later detectors (image models) register here.

import { normalizeForMatching } from '../normalize/index.js';
import { ClassifierDetector } from './classifier/index.js';
import type { Detector } from './detector.js';
import { LexiconDetector } from './lexicon/index.js';
import { PiiDetector } from './pii/index.js';
import { SpamDetector } from './spam/index.js';

let loaded: Promise<readonly Detector[]> | null = null;

export function builtinTextDetectors(): Promise<readonly Detector[]> {
  loaded ??= (async () => {
    const detectors: Detector[] = [new LexiconDetector(), new ClassifierDetector(), new SpamDetector(), new PiiDetector()];
    await Promise.all(detectors.map((d) => d.load()));
    await warmUp(detectors);
    return detectors;
  })();
  return loaded;
}

/**
 * Runs every detector over its own examples once, so lazily built tables (confusables,
 * traditional → simplified Chinese, phone metadata) are ready before the first real request.
 */
async function warmUp(detectors: readonly Detector[]): Promise<void> {
  for (const detector of detectors) {
    for (const { text } of detector.examples()) {
      await detector.detect({ kind: 'text', text, normalized: normalizeForMatching(text) }, {});
    }
  }
}
