// Every store over one database, built together: the service and the CLI take this bundle.

import { AuditStore } from './AuditStore.js';
import type { Db } from './createDb.js';
import { DecisionStore } from './DecisionStore.js';
import { KeyStore } from './KeyStore.js';
import { ListStore } from './ListStore.js';
import { PolicyStore } from './PolicyStore.js';
import { ReviewStore } from './ReviewStore.js';
import { TenantStore } from './TenantStore.js';
import { WebhookStore } from './WebhookStore.js';
import { JobStore } from './JobStore.js';
import { StreamStore } from './StreamStore.js';
import { StatsStore } from './StatsStore.js';

export interface Stores {
  readonly tenants: TenantStore;
  readonly keys: KeyStore;
  readonly policies: PolicyStore;
  readonly lists: ListStore;
  readonly decisions: DecisionStore;
  readonly reviews: ReviewStore;
  readonly audit: AuditStore;
  readonly webhooks: WebhookStore;
  readonly jobs: JobStore;
  readonly streams: StreamStore;
  readonly stats: StatsStore;
}

export function createStores(db: Db): Stores {
  const k = db.kysely;
  return Object.freeze({
    tenants: new TenantStore(k),
    keys: new KeyStore(k),
    policies: new PolicyStore(k),
    lists: new ListStore(k),
    decisions: new DecisionStore(k),
    reviews: new ReviewStore(k),
    audit: new AuditStore(k),
    webhooks: new WebhookStore(k),
    jobs: new JobStore(k),
    streams: new StreamStore(k),
    stats: new StatsStore(k),
  });
}
