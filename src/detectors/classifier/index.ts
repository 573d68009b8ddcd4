export { ClassifierDetector } from './ClassifierDetector.js';
export { featurize, DIMENSIONS, FEATURE_BITS } from './features.js';
export type { Features } from './features.js';
export { sigmoid, TextClassifierModel, MODEL_DIR } from './model.js';
export type { HeadCard, ModelCard } from './model.js';
