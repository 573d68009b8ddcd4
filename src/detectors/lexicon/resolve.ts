// From raw lexicon hits to a Detection: a pronoun-aimed hit near a named group is hate, allow rows
// veto what they overlap, overlapping hits of one category keep the most severe (then longest),
// and each category scores by severity.

import { SEVERITY_SCORE, severityRank } from '../../content/index.js';
import type { Category, Severity } from '../../content/index.js';
import type { MatchHit } from '../../lists/index.js';
import type { Detection, Evidence } from '../detector.js';
import type { LexiconEntry } from './lexicon.js';
import { hasQuotationMark, isQuoted } from './quoted.js';

/** Extra hits of a category nudge its score up, never past its severity band. */
const EXTRA_HIT = 0.02;
const BAND_CEILING: Readonly<Record<Severity, number>> = { none: 0, low: 0.49, medium: 0.89, high: 0.99 };
/**
 * How far (code units, either side) a `refers` hit looks for a named group: about two sentences.
 * "I have met many women and I hate every single one of them", "Women think they're special. I hate them."
 */
const REFERENCE_REACH = 160;
const RAISED: Readonly<Record<Severity, Severity>> = { none: 'none', low: 'medium', medium: 'high', high: 'high' };
const LOWERED: Readonly<Record<Severity, Severity>> = { none: 'none', low: 'low', medium: 'low', high: 'medium' };

type Hit = MatchHit<LexiconEntry>;

const NEVER_EVIDENCE: ReadonlySet<LexiconEntry['category']> = new Set(['allow', 'mention', 'people']);

/** A category evidence may carry: not an allow row, not a mention. */
function isEvidence(category: LexiconEntry['category']): category is Category {
  return !NEVER_EVIDENCE.has(category);
}

function overlaps(a: Hit, b: Hit): boolean {
  return a.start < b.end && b.start < a.end;
}

function better(a: Hit, b: Hit): number {
  return severityRank(b.payload.severity) - severityRank(a.payload.severity)
    || (b.end - b.start) - (a.end - a.start)
    || a.start - b.start;
}

export function resolveHits(hits: readonly Hit[]): Hit[] {
  const allows = hits.filter((h) => h.payload.category === 'allow');
  const mentions = hits.filter((h) => h.payload.category === 'mention');
  const people = hits.filter((h) => h.payload.category === 'people');
  const candidates = hits
    .filter((h) => isEvidence(h.payload.category) && !allows.some((a) => overlaps(a, h)) && h.span.end > h.span.start)
    .map((h) => (h.payload.refers && mentions.some((m) => near(m, h)) ? asHate(h) : h))
    .map((h) => (h.payload.category === 'hate' && people.some((p) => overlaps(p, h)) && !mentions.some((m) => overlaps(m, h)) ? asAbuseOfPeople(h) : h))
    .sort(better);
  const kept: Hit[] = [];
  for (const hit of candidates) {
    if (!kept.some((k) => k.payload.category === hit.payload.category && overlaps(k, hit))) kept.push(hit);
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** A group named within REFERENCE_REACH of the hit, outside it: what its pronoun may stand for. */
function near(mention: Hit, hit: Hit): boolean {
  if (overlaps(mention, hit)) return false;
  return mention.span.end > hit.span.start - REFERENCE_REACH && mention.span.start < hit.span.end + REFERENCE_REACH;
}

function asHate(hit: Hit): Hit {
  return { ...hit, payload: { ...hit.payload, category: 'hate', severity: RAISED[hit.payload.severity] } };
}

/**
 * A hate frame aimed at people named by no protected trait is abuse, not hate, one severity down:
 * harassment ("I hate waiters"), or violence when it threatens ("death to all landlords").
 */
function asAbuseOfPeople(hit: Hit): Hit {
  return { ...hit, payload: { ...hit.payload, category: hit.payload.threat ? 'violence' : 'harassment', severity: LOWERED[hit.payload.severity] } };
}

/** What evidence names as the entry: the word as listed, or for a phrase rule the phrase that matched. */
function entryOf(hit: Hit): string {
  if (hit.payload.form === 'pinyin' || hit.payload.kind === 'normalized') return hit.payload.entry;
  return hit.form ?? hit.payload.entry;
}

/** Quoted words are reported, not said (retweets excepted); sexual content involving minors is never softened. */
function severityIn(text: string, quotes: boolean, hit: Hit): { severity: Severity; quoted: boolean } {
  const { category, severity } = hit.payload;
  if (!quotes || category === 'sexual_minors' || severityRank(severity) <= severityRank('low')) return { severity, quoted: false };
  return isQuoted(text, hit.span.start, hit.span.end) ? { severity: 'low', quoted: true } : { severity, quoted: false };
}

/** `text`: the original text the hits' spans point into. */
export function toDetection(hits: readonly Hit[], text: string): Detection {
  const evidence: Evidence[] = [];
  const best = new Map<Category, { severity: Severity; count: number }>();
  const quotes = hasQuotationMark(text);
  for (const hit of resolveHits(hits)) {
    const { category, rule } = hit.payload;
    if (!isEvidence(category)) continue; // never: resolveHits dropped them; narrows the type
    const { severity, quoted } = severityIn(text, quotes, hit);
    evidence.push({
      category, source: 'lexicon', text: hit.text, span: { ...hit.span }, rule, severity,
      score: SEVERITY_SCORE[severity], mask: true, entry: entryOf(hit), ...(quoted ? { quoted } : {}),
    });
    const seen = best.get(category);
    if (!seen) best.set(category, { severity, count: 1 });
    else best.set(category, { severity: severityRank(severity) > severityRank(seen.severity) ? severity : seen.severity, count: seen.count + 1 });
  }
  const scores: Detection['scores'] = {};
  for (const [category, { severity, count }] of best) {
    const score = SEVERITY_SCORE[severity] + EXTRA_HIT * (count - 1);
    scores[category] = Math.round(Math.min(score, BAND_CEILING[severity]) * 1e4) / 1e4;
  }
  return { scores, evidence };
}
