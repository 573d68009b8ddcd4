// Live streams being pulled and moderated: their state lives here, so GET shows it from any worker
// and a server that dies while pulling one is replaced by the next start.

import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from '../dialects.js';

export function streams(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('streams')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('interval', 'double precision', (c) => c.notNull())
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('lease_until', t.sortableText)
        .addColumn('last_error', 'text')
        .addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('alerts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .addColumn('updated_at', t.sortableText, (c) => c.notNull())
        .addColumn('ended_at', t.sortableText)
        .execute();
      await db.schema.createIndex('streams_status').on('streams').columns(['status', 'lease_until']).execute();
      await db.schema.createIndex('streams_tenant_id').on('streams').columns(['tenant_id', 'id']).execute();
    },
  };
}
