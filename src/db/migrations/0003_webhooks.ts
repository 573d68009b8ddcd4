// Webhook endpoints per tenant and their deliveries: a delivery row is the durable outbox, so a
// delivery survives a restart and is retried until it is delivered or its retry window ends.

import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from '../dialects.js';

export function webhooks(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('webhooks')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull().references('tenants.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('disabled_reason', 'text')
        .addColumn('failing_since', t.sortableText)
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .addColumn('updated_at', t.sortableText, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhooks_tenant').on('webhooks').columns(['tenant_id', 'id']).execute();

      await db.schema.createTable('webhook_deliveries')
        .addColumn('id', t.sortableText, (c) => c.primaryKey())
        .addColumn('webhook_id', t.sortableText, (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
        .addColumn('tenant_id', t.sortableText, (c) => c.notNull())
        .addColumn('event_id', t.sortableText, (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', t.sortableText, (c) => c.notNull())
        .addColumn('lease_until', t.sortableText)
        .addColumn('last_attempt_at', t.sortableText)
        .addColumn('response_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', t.sortableText, (c) => c.notNull())
        .addColumn('delivered_at', t.sortableText)
        .execute();
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();
    },
  };
}
