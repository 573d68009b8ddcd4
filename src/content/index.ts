export * from './categories.js';
export * from './limits.js';
export * from './refusals.js';
