// The dashboard's agreement counts the reviews decided in a window: without this index it read
// every decided review of the tenant. (Decisions gain no index here: they are the hot write path,
// and their window reads already use decisions_tenant_created.)

import type { Kysely, Migration } from 'kysely';

export function statsIndexes(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('reviews_tenant_status_decided').on('reviews').columns(['tenant_id', 'status', 'decided_at']).execute();
    },
  };
}
