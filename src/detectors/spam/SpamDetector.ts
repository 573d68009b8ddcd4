// The 'spam' detector: category 'ads' (URLs, addresses, phones, messaging handles, plain or
// disguised) and category 'spam' (get-rich and click-bait phrases, flooding). Rules only, no model.

import type { DetectContext, Detection, Detector, DetectorExample, Evidence, TextInput } from '../detector.js';
import type { NormalizedText } from '../../normalize/index.js';
import { findAds } from './contacts.js';
import { SPAM_EXAMPLES } from './examples.js';
import { findFlood } from './flood.js';
import { findPatterns } from './patterns.js';
import type { PatternHit } from './patterns.js';
import { combine, severityOf, strongestPer } from './scoring.js';

/** A get-rich or click-bait phrase next to a way to reach the sender is the classic spam shape. */
const CONTACT_WITH_PITCH = 0.3;
const ASCII = /^[\x00-\x7f]*$/;

export class SpamDetector implements Detector {
  readonly name = 'spam';
  readonly version = '1.0.0';
  readonly kinds = ['text'] as const;

  async load(): Promise<void> {}

  async detect(input: TextInput, ctx: DetectContext): Promise<Detection> {
    ctx.signal?.throwIfAborted();
    const text = input.text;
    const ads = findAds(input).map((d): Evidence => ({
      category: 'ads', source: d.source, text: d.text, span: d.span, rule: d.rule, severity: severityOf(d.score), score: d.score,
    }));
    const adsScore = combine(strongestPer(ads, (e) => e.source, (e) => e.score));

    const hits = [...phrases(text, input.normalized), ...findFlood(text)];
    const spam = hits.map((h): Evidence => ({
      category: 'spam', source: 'pattern', rule: h.rule, text: text.slice(h.start, h.end),
      span: { start: h.start, end: h.end }, score: h.weight, severity: severityOf(h.weight),
    }));
    const pitched = hits.some((h) => h.rule === 'spam:getrich' || h.rule === 'spam:clickbait');
    // A phrase counts once however often it recurs, and flooding counts once however many runs it has.
    const signal = (e: Evidence): string => (e.rule === 'spam:flood' || e.rule === 'spam:caps' ? e.rule : `${e.rule}|${e.text.toLowerCase()}`);
    const weights = strongestPer(spam, signal, (e) => e.score);
    const spamScore = combine(pitched && ads.length > 0 ? [...weights, CONTACT_WITH_PITCH] : weights);

    liftStrongest(ads, adsScore);
    liftStrongest(spam, spamScore);
    return { scores: { ads: adsScore, spam: spamScore }, evidence: [...ads, ...spam].sort((a, b) => a.span!.start - b.span!.start) };
  }

  examples(): readonly DetectorExample[] {
    return SPAM_EXAMPLES;
  }
}

/**
 * Phrases in the original text, plus those only the folded text reveals ("ＣＬＩＣＫ ＨＥＲＥ",
 * "cl1ck here", 免費領取), mapped back to original offsets.
 */
function phrases(text: string, normalized: NormalizedText): PatternHit[] {
  const hits = findPatterns(text);
  // An ASCII text that folding only lower-cased has nothing more to reveal: the patterns ignore
  // ASCII case. (Outside ASCII, lower-casing folds what they do not: the Kelvin sign to "k".)
  if (normalized.text === text || (normalized.text === text.toLowerCase() && ASCII.test(text))) return hits;
  for (const h of findPatterns(normalized.text)) {
    const span = normalized.toOriginal(h.start, h.end);
    if (span.end <= span.start || hits.some((k) => k.start < span.end && span.start < k.end)) continue;
    hits.push({ ...h, start: span.start, end: span.end });
  }
  return hits;
}

/**
 * The pipeline takes a category's severity from its strongest evidence, so that piece carries the
 * severity the signals reach together; the others keep their own.
 */
function liftStrongest(evidence: Evidence[], combined: number): void {
  if (evidence.length === 0) return;
  const top = evidence.reduce((a, b) => (b.score > a.score ? b : a));
  top.severity = severityOf(combined);
}
