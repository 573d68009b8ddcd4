// Keyword matching for built-in lexicons and custom lists: one Aho-Corasick engine with word
// boundaries, masks and a small safe pattern syntax. Import this folder, not its files.

export { compileMatcher } from './matcher.js';
export type { Matcher, MatchHit, MatcherEntry } from './matcher.js';
export { compileRules, foldEntry, ENTRY_MAX_LENGTH } from './ruleMatcher.js';
export type { Rule } from './ruleMatcher.js';
export { compilePattern } from './pattern.js';
export type { CompiledPattern, Fold } from './pattern.js';
export { PATTERN_MAX_LENGTH, PATTERN_LIMITS } from './patternSyntax.js';
export type { PatternLimits } from './patternSyntax.js';
export { compileKeywordList, validateListEntry, foldForMatching, LIST_MATCHES, LIST_ACTIONS } from './keywordList.js';
export type { KeywordList, KeywordListSpec, ListHit, ListMatch, ListAction } from './keywordList.js';
export { plainText } from './plainText.js';
export { AhoCorasick } from './ahoCorasick.js';
