// The 'classifier' detector: the trained text classifier (model.ts) over the same folded text the
// lexicon reads. It scores what no list holds ("nobody would care if you disappeared"); its
// evidence is about the whole text (no span) and names the model version and the calibrated probability.

import type { ContentKind } from '../../content/index.js';
import type { DetectContext, Detection, Detector, DetectorExample, Evidence, TextInput } from '../detector.js';
import { featurize } from './features.js';
import { classOf, DIGIT, HAN_SCRIPT, LETTER } from '../../normalize/index.js';
import { severityFor, TextClassifierModel } from './model.js';

/**
 * A text of one or two words gives the model too little context: "the cockpit" and "oh shit" share
 * character n-grams with abuse and nothing else. Below MIN_CONTEXT words (a Han character counts
 * half a word) the probability shrinks in proportion; the lexicon still judges such texts.
 */
const MIN_CONTEXT = 3;

/**
 * Words in the text (runs of letters and digits, apostrophes inside), a word holding a Han
 * character counting half its length; counting stops once `enough` is reached.
 */
export function contextOf(folded: string, enough = Infinity): number {
  let units = 0;
  const n = folded.length;
  for (let i = 0; i < n;) {
    let cp = folded.codePointAt(i)!;
    let kind = classOf(cp);
    if (!(kind & (LETTER | DIGIT))) { i += cp > 0xffff ? 2 : 1; continue; }
    const start = i;
    let han = false;
    for (;;) {
      han ||= (kind & HAN_SCRIPT) !== 0;
      i += cp > 0xffff ? 2 : 1;
      if (i >= n) break;
      cp = folded.codePointAt(i)!;
      kind = classOf(cp);
      if (!(kind & (LETTER | DIGIT)) && cp !== 39 && cp !== 0x2019) break;
    }
    units += han ? (i - start) / 2 : 1;
    if (units >= enough) return units;
  }
  return units;
}

const EXAMPLES: readonly DetectorExample[] = [
  { text: 'win a free iphone now!! text WIN to 80082 to claim your prize', expect: { spam: 'flag' } },
  { text: 'see you at the meeting tomorrow, thanks for the notes', expect: { spam: 'pass', hate: 'pass', harassment: 'pass' } },
  { text: '河南人都是骗子，偷井盖的', expect: { hate: 'flag' } },
  { text: 'the cockpit of the plane was small', expect: { harassment: 'pass', sexual: 'pass' } },
  { text: 'oh shit', expect: { harassment: 'pass' } },
  { text: 'URGENT! You have won a 1 week FREE membership in our £100,000 prize Jackpot! Txt the word CLAIM to 81010', expect: { spam: 'flag' } },
];

export class ClassifierDetector implements Detector {
  readonly name = 'classifier';
  readonly kinds: readonly ContentKind[] = ['text'];
  #model: TextClassifierModel | null = null;

  get version(): string { return this.#loaded().card.version; }

  async load(): Promise<void> {
    this.#loaded();
  }

  #loaded(): TextClassifierModel {
    return (this.#model ??= TextClassifierModel.load());
  }

  async detect(input: TextInput, ctx: DetectContext = {}): Promise<Detection> {
    ctx.signal?.throwIfAborted();
    const model = this.#loaded();
    const folded = input.normalized.text;
    const damping = Math.min(1, contextOf(folded, MIN_CONTEXT) / MIN_CONTEXT);
    const probabilities = model.predict(featurize(folded)).map((p) => p * damping);
    const scores: Detection['scores'] = {};
    const evidence: Evidence[] = [];
    model.card.heads.forEach((head, j) => {
      const p = Math.round(probabilities[j] * 1000) / 1000;
      scores[head.category] = p;
      const severity = severityFor(head, p);
      if (severity === 'none') return;
      // About the whole text: no span (nothing to highlight or mask) and no copy of the text.
      evidence.push({ category: head.category, source: 'classifier', rule: `classifier:${model.card.version}`, severity, score: p, text: '' });
    });
    return { scores, evidence };
  }

  examples(): readonly DetectorExample[] {
    return EXAMPLES;
  }
}
