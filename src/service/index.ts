export * from './service.js';
export { CachedSources } from './cachedSources.js';
export { DecisionRecorder } from './decisionRecorder.js';
export { Metrics } from './metrics.js';
export { TextModeration } from './textModeration.js';
export { contentHash, decisionToRow, rowToDecision, rowToReplayed } from './decisionRows.js';
export type { StoredDecision } from './decisionRows.js';
export { ensureAdminKey } from './bootstrapKey.js';
export { DEFAULT_TENANT_ID } from '../db/index.js';
