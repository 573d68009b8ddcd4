export { buildApp } from './buildApp.js';
export type { AppOptions } from './buildApp.js';
