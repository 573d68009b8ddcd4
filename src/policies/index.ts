export * from './policy.js';
export * from './evaluate.js';
