// The lexicon detector and the built-in lexicon it runs (lexicons/ at the project root).

export { LexiconDetector, LEXICON_VERSION } from './lexiconDetector.js';
export { loadBuiltinLexicon, compileLexicon, readLexiconFiles, lexiconDir } from './lexicon.js';
export type { BuiltinLexicon, LexiconEntry, LexiconFile } from './lexicon.js';
export { parseLexiconFile, LEXICON_HEADER } from './lexiconFile.js';
export type { LexiconRow } from './lexiconFile.js';
export { resolveHits, toDetection } from './resolve.js';
export { LEXICON_EXAMPLES } from './examples.js';
