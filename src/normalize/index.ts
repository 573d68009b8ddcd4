// Text normalisation for matching: one folded copy of the text with a map back to the original.
export type { NormalizedText } from './types.js';
export { normalizeForMatching } from './normalize.js';
export { classOf, DIGIT, HAN_SCRIPT, isLetterOrDigit, isWordChar, LETTER, needsWordBoundary } from './chars.js';
export { rewriteNormalized } from './rewrite.js';
export type { TextEdit } from './rewrite.js';
