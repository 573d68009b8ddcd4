// Image hash lists match by Hamming distance, set per list: null for keyword lists.

import type { Kysely, Migration } from 'kysely';

export function imageLists(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('lists').addColumn('max_distance', 'integer').execute();
    },
  };
}
