// A Bulwark decision in the shape of OpenAI's moderation endpoint, so clients written for it work
// unchanged. Each OpenAI key draws on one or two of our categories; a compound key ("hate/
// threatening") scores as the weaker of its two parts, since both must hold.

import type { Category } from '../content/index.js';
import type { Decision } from './decision.js';

export const OPENAI_CATEGORY_KEYS = [
  'harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'illicit', 'illicit/violent',
  'self-harm', 'self-harm/intent', 'self-harm/instructions', 'sexual', 'sexual/minors', 'violence', 'violence/graphic',
] as const;
export type OpenAiCategory = (typeof OPENAI_CATEGORY_KEYS)[number];

/** Our categories behind each key (all must hold; the first is the key's own). */
const SOURCES: Readonly<Record<OpenAiCategory, readonly Category[]>> = {
  'harassment': ['harassment'],
  'harassment/threatening': ['harassment', 'violence'],
  'hate': ['hate'],
  'hate/threatening': ['hate', 'violence'],
  'illicit': ['illicit'],
  'illicit/violent': ['illicit', 'violence'],
  'self-harm': ['self_harm'],
  'self-harm/intent': ['self_harm'],
  'self-harm/instructions': ['self_harm'],
  'sexual': ['sexual'],
  'sexual/minors': ['sexual_minors'],
  'violence': ['violence'],
  // Bulwark's text rules do not tell graphic descriptions from other violence: never set.
  'violence/graphic': [],
};

/** Self-harm evidence that asks for or gives a method, rather than voicing intent. */
const INSTRUCTIONS = /\b(how (to|do|can|could|should)|ways? to|best way|method|steps? to|painless|overdose on)\b/i;

export interface OpenAiResult {
  flagged: boolean;
  categories: Record<OpenAiCategory, boolean>;
  category_scores: Record<OpenAiCategory, number>;
  category_applied_input_types: Record<OpenAiCategory, Array<'text' | 'image'>>;
}

export function toOpenAiResult(d: Pick<Decision, 'suggestion' | 'categories' | 'reasons' | 'evidence'>): OpenAiResult {
  const acted = new Set(d.reasons.map((r) => r.category));
  const instructions = d.evidence.some((e) => e.category === 'self_harm' && INSTRUCTIONS.test(e.text));
  const categories = {} as OpenAiResult['categories'];
  const scores = {} as OpenAiResult['category_scores'];
  const types = {} as OpenAiResult['category_applied_input_types'];
  for (const key of OPENAI_CATEGORY_KEYS) {
    const from = SOURCES[key];
    let score = from.length === 0 ? 0 : Math.min(...from.map((c) => d.categories[c].score));
    if (key === 'self-harm/instructions' && !instructions) score = 0;
    if (key === 'self-harm/intent' && instructions) score = Math.min(score, 0.5);
    scores[key] = score;
    // Set when the policy acted on the key's own category and every part scores at least 0.5.
    categories[key] = from.length > 0 && acted.has(from[0]) && score >= 0.5;
    types[key] = ['text'];
  }
  return { flagged: d.suggestion !== 'pass', categories, category_scores: scores, category_applied_input_types: types };
}
