// Indexes for the console's reads. The dashboard's agreement counts the reviews decided in a
// window (without an index it read every decided review of the tenant). A policy preview replays
// the newest decisions made under one policy's versions (without an index, previewing a rarely
// used policy walked the tenant's whole log; one more index on the decisions' write path is the
// price, and the preview is open to every review key).

import type { Kysely, Migration } from 'kysely';

export function consoleIndexes(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('reviews_tenant_status_decided').on('reviews').columns(['tenant_id', 'status', 'decided_at']).execute();
      await db.schema.createIndex('decisions_tenant_policy_id').on('decisions').columns(['tenant_id', 'policy', 'id']).execute();
    },
  };
}
