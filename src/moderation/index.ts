export * from './decision.js';
export * from './sources.js';
export * from './moderateText.js';
export { maskSpans } from './mask.js';
