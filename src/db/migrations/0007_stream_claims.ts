// Which claim of a stream a server holds: claiming an orphan counts up, and renewing or ending the
// stream requires the count the server claimed, so a server whose lease lapsed (a stalled database,
// a paused process) cannot go on writing over the server that took the stream over.

import type { Kysely, Migration } from 'kysely';

export function streamClaims(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('streams').addColumn('claims', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}
