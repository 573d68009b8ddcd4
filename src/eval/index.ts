export { readLabelled, truthFor } from './dataset.js';
export { evaluate, evaluateBy } from './evaluate.js';
export type { Scored } from './evaluate.js';
export { groupRows, textReport, textTable } from './format.js';
export { accuracyMarkdown } from './report.js';
export type { FileResult } from './report.js';
export { httpScorer, inProcessScorer } from './scorer.js';
export type { Scorer } from './scorer.js';
export { averagePrecision, countsOf, precision, recall } from './metrics.js';
