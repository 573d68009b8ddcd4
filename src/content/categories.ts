// The closed sets every part of Bulwark speaks in: categories, severities, suggestions.
// Kept as `as const` tuples so the API schema, the database and the code share one source.

export const CATEGORIES = [
  'sexual', 'sexual_minors', 'hate', 'harassment', 'violence', 'self_harm',
  'illicit', 'spam', 'ads', 'profanity', 'pii',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['none', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SUGGESTIONS = ['pass', 'review', 'block'] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

export const CONTENT_KINDS = ['text', 'image', 'audio', 'video'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** The score a rule-based hit of a given severity stands for (lexicon entries carry no probability). */
export const SEVERITY_SCORE: Readonly<Record<Severity, number>> = Object.freeze({
  none: 0, low: 0.45, medium: 0.75, high: 0.97,
});

/** A stretch of audio or video, in seconds from its start. */
export interface TimeRange { start: number; end: number }

/** A box in the original picture's pixels (EXIF orientation applied): where picture evidence lies. */
export interface Region { x: number; y: number; w: number; h: number }
