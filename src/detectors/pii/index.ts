// The 'pii' detector folder: construct with `new PiiDetector()`, then load() and detect().

export { PiiDetector, findPii } from './PiiDetector.js';
export type { PiiHit } from './PiiDetector.js';
export { luhn } from './cards.js';
export { validCnId } from './cnId.js';
