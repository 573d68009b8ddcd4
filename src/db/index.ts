// The database: schema types, createDb(), the per-tenant stores and the id/cursor helpers.

export type * from './schema.js';
export { createDb } from './createDb.js';
export type { Db, DbOptions } from './createDb.js';
export type { DialectName } from './dialects.js';
export { createStores } from './createStores.js';
export type { Stores } from './createStores.js';
export { newId, pooledRandomBytes, timeOfId, ID_PATTERN } from './ids.js';
export { encodeCursor, pageLimit, DEFAULT_PAGE, MAX_PAGE } from './cursor.js';
export { TenantStore, DEFAULT_TENANT_ID } from './TenantStore.js';
export type { TenantRecord, TenantSettings } from './TenantStore.js';
export { KeyStore, hashKey } from './KeyStore.js';
export type { ApiKeyRecord, CreatedKey, KeyPrincipal } from './KeyStore.js';
export { PolicyStore } from './PolicyStore.js';
export type { PolicyRecord } from './PolicyStore.js';
export { ListStore } from './ListStore.js';
export type { EntryRecord, ListChanges, ListRecord, NewList } from './ListStore.js';
export { DecisionStore } from './DecisionStore.js';
export type { DecisionQuery, DecisionRow } from './DecisionStore.js';
export { ReviewStore, REVIEW_ORDERS, REVIEW_STATUSES, newReviewRow } from './ReviewStore.js';
export type { ReviewOrder, ReviewQuery, ReviewRow, ReviewStatus, ReviewVerdict } from './ReviewStore.js';
export { AuditStore } from './AuditStore.js';
export type { AuditInput, AuditRecord } from './AuditStore.js';
export { WebhookStore, WEBHOOK_EVENTS } from './WebhookStore.js';
export type { AttemptResult, ClaimedDelivery, DeliveryRow, WebhookChanges, WebhookEvent, WebhookRecord, WebhookTarget } from './WebhookStore.js';
export { openTestDb, testDatabases } from './testDb.js';
export type { TestDb, TestDatabase } from './testDb.js';
