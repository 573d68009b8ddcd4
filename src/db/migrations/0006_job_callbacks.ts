// A job's callbackUrl is delivered like a webhook (same outbox, retries and signature) through an
// endpoint row of its own, marked with the job it belongs to and never listed as a webhook.

import type { Kysely, Migration } from 'kysely';

export function jobCallbacks(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('webhooks').addColumn('job_id', 'text').execute();
    },
  };
}
