// The database schema as a TypeScript interface (Kysely). One schema for SQLite and PostgreSQL:
// timestamps are ISO-8601 UTC strings, JSON is stored as text, ids are prefixed strings
// (time-sortable for decisions, so cursor paging can use them).

import type { Generated } from 'kysely';

export interface TenantTable {
  id: string;
  name: string;
  /** JSON: TenantSettings */
  settings: string;
  created_at: string;
}

export interface ApiKeyTable {
  id: string;
  tenant_id: string;
  name: string;
  /** First characters of the key, shown in listings so people can tell keys apart. */
  prefix: string;
  /** SHA-256 hex of the full key; the key itself is never stored. */
  hash: string;
  /** JSON array of Scope */
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}

export interface PolicyTable {
  tenant_id: string;
  name: string;
  version: number;
  /** JSON: PolicyBody */
  body: string;
  created_at: string;
}

export interface ListTable {
  id: string;
  tenant_id: string;
  name: string;
  kind: string;
  action: string;
  category: string;
  match: string;
  /** Image lists: the largest PDQ Hamming distance that matches (null for keyword lists). */
  max_distance: number | null;
  /** Bumped on every change to the list or its entries: compiled matchers are cached by it. */
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface ListEntryTable {
  id: Generated<number>;
  list_id: string;
  value: string;
  created_at: string;
}

export interface DecisionTable {
  id: string;
  tenant_id: string;
  kind: string;
  content_hash: string;
  content: string | null;
  suggestion: string;
  policy: string;
  /** JSON: Record<Category, { score, severity }> */
  categories: string;
  /** ',harassment,pii,' — the categories with severity above none, for filtering. */
  flagged: string;
  /** JSON: { evidence: Evidence[], reasons, maskedText } */
  evidence: string;
  /** JSON: Record<detector, version> */
  models: string;
  latency_ms: number;
  data_id: string | null;
  /** JSON object or null */
  metadata: string | null;
  created_at: string;
}

export interface ReviewTable {
  id: string;
  tenant_id: string;
  decision_id: string;
  status: string;
  /** Highest category score of the decision, for "riskiest first". */
  risk: number;
  claimed_by: string | null;
  claimed_at: string | null;
  outcome: string | null;
  /** JSON array of strings */
  labels: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface AuditEventTable {
  id: string;
  tenant_id: string;
  /** The API key id that acted, or 'system'. */
  actor: string;
  action: string;
  target: string;
  /** JSON object */
  detail: string;
  created_at: string;
}

export interface WebhookTable {
  id: string;
  tenant_id: string;
  url: string;
  /** The HMAC-SHA256 key deliveries are signed with ('whsec_…'); needed in clear to sign. */
  secret: string;
  /** JSON array of WebhookEvent */
  events: string;
  description: string | null;
  /** 1 or 0: a disabled endpoint is sent nothing until it is enabled again. */
  enabled: number;
  /** Why it was disabled (by Bulwark after failing for days, or by a person). */
  disabled_reason: string | null;
  /** The first failed delivery since the last delivery that worked; null while it works. */
  failing_since: string | null;
  /** Set for a job's callbackUrl: the endpoint exists for that job only and is not listed. */
  job_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  tenant_id: string;
  /** The event's own id ('evt_…'), the same on every redelivery, for receivers to drop repeats. */
  event_id: string;
  event: string;
  /** The exact body sent (JSON text): the signature covers these bytes. */
  payload: string;
  /** pending, delivered or failed (gave up). */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** A sender has claimed the delivery until then (several workers share the table). */
  lease_until: string | null;
  last_attempt_at: string | null;
  response_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface JobTable {
  id: string;
  tenant_id: string;
  /** What the job moderates: 'audio' or 'video'. */
  kind: string;
  /** queued, running, succeeded, failed or cancelled. */
  status: string;
  /** 0–1. */
  progress: number;
  /** JSON: the request's options (policy, dataId, metadata, url, …). */
  request: string;
  /** The uploaded file, kept until the job ends (null for a job that fetches a URL). */
  input_path: string | null;
  input_bytes: number;
  callback_url: string | null;
  decision_id: string | null;
  /** JSON { code, message } when failed. */
  error: string | null;
  /** Times the job was started (a job interrupted by a crash is started again, up to a limit). */
  attempts: number;
  /** A runner holds the job until then, renewing it while it works; a crashed runner's job is free again after it. */
  lease_until: string | null;
  created_at: string;
  started_at: string | null;
  updated_at: string;
  finished_at: string | null;
}

export interface StreamTable {
  id: string;
  tenant_id: string;
  url: string;
  /** Seconds between frames looked at. */
  interval: number;
  /** JSON: policy, dataId, metadata, lang. */
  request: string;
  /** starting, live, reconnecting, ended, failed or stopped. */
  status: string;
  /** A server pulls the stream until then, renewing it; after a crash another start resumes it. */
  lease_until: string | null;
  /** How many times a server claimed the stream: renewing and ending it require the claim held. */
  claims: number;
  last_error: string | null;
  /** JSON array: the latest flagged moments (newest last). */
  findings: string;
  alerts: number;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

export interface Database {
  tenants: TenantTable;
  api_keys: ApiKeyTable;
  policies: PolicyTable;
  lists: ListTable;
  list_entries: ListEntryTable;
  decisions: DecisionTable;
  reviews: ReviewTable;
  audit_events: AuditEventTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  jobs: JobTable;
  streams: StreamTable;
}
