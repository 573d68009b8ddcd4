export * from './decision.js';
export * from './sources.js';
export * from './moderateText.js';
export { maskSpans } from './mask.js';
export { OPENAI_CATEGORY_KEYS, toOpenAiResult } from './openaiCategories.js';
export type { OpenAiCategory, OpenAiResult } from './openaiCategories.js';
export * from './moderateImage.js';
export { touchedParts } from './mediaText.js';
export * from './moderateRecording.js';
