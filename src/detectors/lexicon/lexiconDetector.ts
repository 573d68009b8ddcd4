// The lexicon detector: Bulwark's built-in English and Chinese term and phrase lists run over the
// normalised text. Rules, not probabilities: a hit scores by its severity (SEVERITY_SCORE).

import type { ContentKind } from '../../content/index.js';
import type { DetectContext, Detection, Detector, DetectorExample, TextInput } from '../detector.js';
import { LEXICON_EXAMPLES } from './examples.js';
import { loadBuiltinLexicon } from './lexicon.js';
import { toDetection } from './resolve.js';

export const LEXICON_VERSION = '2026.11.4';

export class LexiconDetector implements Detector {
  readonly name = 'lexicon';
  readonly version = LEXICON_VERSION;
  readonly kinds: readonly ContentKind[] = ['text'];

  async load(): Promise<void> {
    loadBuiltinLexicon();
  }

  async detect(input: TextInput, ctx: DetectContext = {}): Promise<Detection> {
    ctx.signal?.throwIfAborted();
    const { matcher, repair } = loadBuiltinLexicon();
    const english = repair !== null && (input.lang === undefined || /^en\b/i.test(input.lang));
    return toDetection(matcher.find(english ? repair.repair(input.normalized) : input.normalized), input.text);
  }

  examples(): readonly DetectorExample[] {
    return LEXICON_EXAMPLES;
  }
}
