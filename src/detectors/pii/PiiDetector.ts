// The 'pii' detector: personal data to mask (e-mail, phone, payment card, US SSN, Chinese resident
// ID). Every piece of evidence carries mask: true; checksum-valid numbers score at least 0.9.

import { SEVERITY_SCORE } from '../../content/index.js';
import type { Severity } from '../../content/index.js';
import type { DetectContext, Detection, Detector, DetectorExample, Evidence, TextInput } from '../detector.js';
import { findContacts, withoutOverlaps } from '../shared/index.js';
import type { Finding } from '../shared/index.js';
import { findCards } from './cards.js';
import { findCnIds } from './cnId.js';
import { PII_EXAMPLES } from './examples.js';
import { findSsns } from './ssn.js';

export interface PiiHit { finding: Finding; rule: string; source: string; severity: Severity; score: number }

export class PiiDetector implements Detector {
  readonly name = 'pii';
  readonly version = '1.0.0';
  readonly kinds = ['text'] as const;

  async load(): Promise<void> {}

  async detect(input: TextInput, ctx: DetectContext): Promise<Detection> {
    ctx.signal?.throwIfAborted();
    const evidence = findPii(input).map((h): Evidence => ({
      category: 'pii', source: h.source, text: h.finding.text,
      span: { start: h.finding.start, end: h.finding.end },
      rule: h.rule, severity: h.severity, score: h.score, mask: true,
    }));
    return { scores: { pii: Math.max(0, ...evidence.map((e) => e.score)) }, evidence };
  }

  examples(): readonly DetectorExample[] {
    return PII_EXAMPLES;
  }
}

/**
 * All PII hits in text order. Where two overlap, the kind listed first wins: checksum-valid
 * identifiers (an 18-digit ID can also pass Luhn; a card is never a phone), then e-mail, then phone.
 */
export function findPii(input: TextInput): PiiHit[] {
  const text = input.text;
  const { emails, phones } = findContacts(input);
  const hits: PiiHit[] = [
    ...findCnIds(text).map((f) => hit(f, 'pii:cn_id', 'high', 0.97)),
    ...findCards(text).map((f) => hit(f, 'pii:card', 'high', 0.97)),
    ...findSsns(text).map((f) => hit(f, 'pii:ssn', 'high', 0.9)),
    ...emails.map((f) => hit(f, 'pii:email', 'medium', SEVERITY_SCORE.medium)),
    ...phones.map((f) => hit(f, 'pii:phone', 'medium', SEVERITY_SCORE.medium)),
  ];
  const kept = withoutOverlaps(hits.map((h) => ({ start: h.finding.start, end: h.finding.end, h })));
  return kept.map((k) => k.h).sort((a, b) => a.finding.start - b.finding.start);
}

function hit(finding: Finding, rule: string, severity: Severity, score: number): PiiHit {
  return { finding, rule, source: 'pii', severity, score };
}
