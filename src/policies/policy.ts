// What a policy is: per category, the score or severity at which content goes to review and to
// block, and which custom lists apply. Pure data and validation; no I/O.

import { CATEGORIES, SEVERITIES, isCategory, namedProtectedAttributes } from '../content/index.js';
import type { Category, Severity } from '../content/index.js';
import { BulwarkError } from '../errors.js';

/** A score in [0, 1] (score >= threshold) or a severity (severity >= it). null = never. */
export type Threshold = number | Exclude<Severity, 'none'> | null;

export interface CategoryRule { review: Threshold; block: Threshold }

export interface PolicyBody {
  description?: string;
  categories: Record<Category, CategoryRule>;
  /** Custom list ids that apply, or 'all'. */
  lists: 'all' | string[];
}

export const DEFAULT_POLICY_NAME = 'default';

const DEFAULT_RULES: Record<Category, CategoryRule> = {
  sexual: { review: 'medium', block: 'high' },
  sexual_minors: { review: 'low', block: 'medium' },
  hate: { review: 'medium', block: 'high' },
  harassment: { review: 'medium', block: 'high' },
  violence: { review: 'medium', block: 'high' },
  self_harm: { review: 'low', block: null },
  illicit: { review: 'medium', block: 'high' },
  spam: { review: 'medium', block: 'high' },
  ads: { review: 'medium', block: 'high' },
  profanity: { review: 'high', block: null },
  pii: { review: null, block: null },
};

export function defaultPolicyBody(): PolicyBody {
  return {
    description: 'Built-in defaults: block high severity, review medium; self-harm goes to review; PII is only masked.',
    categories: structuredClone(DEFAULT_RULES),
    lists: 'all',
  };
}

/**
 * Validates a client-supplied policy and fills categories it leaves out from the defaults,
 * so every stored version is complete and self-describing.
 */
export function parsePolicyBody(input: unknown): PolicyBody {
  if (typeof input !== 'object' || input === null) throw invalid('the policy must be an object');
  const raw = input as { description?: unknown; categories?: unknown; lists?: unknown };
  const body = defaultPolicyBody();
  if (raw.description !== undefined) {
    if (typeof raw.description !== 'string') throw invalid('description must be a string');
    body.description = raw.description;
  }
  if (raw.categories !== undefined) {
    if (typeof raw.categories !== 'object' || raw.categories === null) throw invalid('categories must be an object');
    for (const [name, rule] of Object.entries(raw.categories)) {
      if (namedProtectedAttributes(name).length) throw new BulwarkError('ATTRIBUTE_NOT_SUPPORTED');
      if (!isCategory(name)) throw invalid(`unknown category "${name}"; known: ${CATEGORIES.join(', ')}`);
      body.categories[name] = parseRule(name, rule, body.categories[name]);
    }
  }
  if (raw.lists !== undefined) {
    const ok = raw.lists === 'all' || (Array.isArray(raw.lists) && raw.lists.every((id) => typeof id === 'string'));
    if (!ok) throw invalid('lists must be "all" or an array of list ids');
    body.lists = raw.lists as PolicyBody['lists'];
  }
  return body;
}

function parseRule(category: string, rule: unknown, fallback: CategoryRule): CategoryRule {
  if (typeof rule !== 'object' || rule === null) throw invalid(`categories.${category} must be an object`);
  const r = rule as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (key !== 'review' && key !== 'block') throw invalid(`categories.${category}.${key} is not a field (review, block)`);
  }
  return {
    review: r.review === undefined ? fallback.review : parseThreshold(`${category}.review`, r.review),
    block: r.block === undefined ? fallback.block : parseThreshold(`${category}.block`, r.block),
  };
}

function parseThreshold(where: string, value: unknown): Threshold {
  if (value === null) return null;
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  if (typeof value === 'string' && value !== 'none' && (SEVERITIES as readonly string[]).includes(value)) {
    return value as Exclude<Severity, 'none'>;
  }
  throw invalid(`${where} must be a score in [0, 1], one of low|medium|high, or null`);
}

function invalid(message: string): BulwarkError {
  return new BulwarkError('POLICY_INVALID', `Invalid policy: ${message}.`);
}
