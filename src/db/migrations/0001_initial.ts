// The first schema: every table of schema.ts with its keys and the indexes the stores' queries
// use. Shipped migrations never change; later changes are new files.

import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from '../dialects.js';

export function initial(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('tenants')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .execute();

      await db.schema.createTable('api_keys')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .addColumn('revoked_at', t.sortableText)
        .execute();
      await db.schema.createIndex('api_keys_hash').on('api_keys').column('hash').unique().execute();
      await db.schema.createIndex('api_keys_tenant').on('api_keys').columns(['tenant_id', 'id']).execute();

      await db.schema.createTable('policies')
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('name', t.sortableText, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .addPrimaryKeyConstraint('policies_pk', ['tenant_id', 'name', 'version'])
        .execute();

      await db.schema.createTable('lists')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('name', t.sortableText, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('match', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .addColumn('updated_at', t.sortableText, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lists_tenant_name').on('lists').columns(['tenant_id', 'name']).unique().execute();

      await db.schema.createTable('list_entries')
        .addColumn('id', t.serial, (c) => t.serialKey(c))
        .addColumn('list_id', t.sortableText, (c) => c.notNull().references('lists.id').onDelete('cascade'))
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('list_entries_list_value').on('list_entries').columns(['list_id', 'value']).unique().execute();
      await db.schema.createIndex('list_entries_list_id').on('list_entries').columns(['list_id', 'id']).execute();

      await db.schema.createTable('decisions')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('content', 'text')
        .addColumn('suggestion', 'text', (c) => c.notNull())
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('flagged', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('models', 'text', (c) => c.notNull())
        .addColumn('latency_ms', 'double precision', (c) => c.notNull())
        .addColumn('data_id', 'text')
        .addColumn('metadata', 'text')
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('decisions_tenant_id').on('decisions').columns(['tenant_id', 'id']).execute();
      await db.schema.createIndex('decisions_tenant_suggestion').on('decisions').columns(['tenant_id', 'suggestion', 'id']).execute();
      await db.schema.createIndex('decisions_tenant_created').on('decisions').columns(['tenant_id', 'created_at']).execute();
      await db.schema.createIndex('decisions_tenant_data_id').on('decisions').columns(['tenant_id', 'data_id']).execute();

      await db.schema.createTable('reviews')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('decision_id', t.sortableText, (c) => c.notNull().references('decisions.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('risk', 'double precision', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', t.sortableText)
        .addColumn('outcome', 'text')
        .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('note', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', t.sortableText)
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reviews_tenant_status_created').on('reviews').columns(['tenant_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('reviews_tenant_status_risk').on('reviews').columns(['tenant_id', 'status', 'risk']).execute();
      await db.schema.createIndex('reviews_tenant_decision').on('reviews').columns(['tenant_id', 'decision_id']).execute();

      await db.schema.createTable('audit_events')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_tenant_id').on('audit_events').columns(['tenant_id', 'id']).execute();
    },
  };
}
