// Durable jobs (audio and video moderation): their state lives here, so a server killed mid-job
// finds it on restart and runs it again or fails it cleanly.

import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from '../dialects.js';

export function jobs(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('jobs')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('input_path', 'text')
        .addColumn('input_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('callback_url', 'text')
        .addColumn('decision_id', t.sortableText)
        .addColumn('error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_until', t.sortableText)
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .addColumn('started_at', t.sortableText)
        .addColumn('updated_at', t.sortableText, (c) => c.notNull())
        .addColumn('finished_at', t.sortableText)
        .execute();
      await db.schema.createIndex('jobs_status_created').on('jobs').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('jobs_tenant_id').on('jobs').columns(['tenant_id', 'id']).execute();
    },
  };
}
