// Multi-row inserts of the audit log's hot tables without rebuilding the query every time: the
// SQL for n rows is compiled once per (table, n) in the database's own dialect, then executed with
// the rows' values. Every row must hold the same columns (the row builders always set them all).

import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Table = 'decisions' | 'reviews';

export class BulkInsert {
  readonly #compiled = new Map<string, { sql: string; columns: string[] }>();

  async insert<T extends Table>(db: Kysely<Database>, table: T, rows: readonly Database[T][]): Promise<void> {
    if (rows.length === 0) return;
    const key = `${table}:${rows.length}`;
    let query = this.#compiled.get(key);
    if (!query) {
      // Compiled from placeholder rows holding every column, so none is left out for being undefined.
      const columns = Object.keys(rows[0]);
      const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
      const sql = db.insertInto(table).values(rows.map(() => placeholder) as never).compile().sql;
      query = { sql, columns };
      this.#compiled.set(key, query);
    }
    const params: unknown[] = [];
    for (const row of rows) {
      const values = row as unknown as Record<string, unknown>;
      for (const column of query.columns) params.push(values[column] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(query.sql, params));
  }
}
