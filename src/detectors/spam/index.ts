// The 'spam' detector folder: construct with `new SpamDetector()`, then load() and detect().
// It reports two categories, 'ads' and 'spam'.

export { SpamDetector } from './SpamDetector.js';
export { findHandles } from './handles.js';
