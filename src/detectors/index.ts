export type * from './detector.js';
export { builtinTextDetectors } from './registry.js';
