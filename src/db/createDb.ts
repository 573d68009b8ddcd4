// Opens Bulwark's database — SQLite by default, PostgreSQL for postgres:// URLs — and brings its
// schema up to date before anything uses it.

import { Kysely, sql } from 'kysely';
import { dialectFor } from './dialects.js';
import type { DialectName } from './dialects.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database } from './schema.js';

export interface DbOptions {
  /** null, a file path, sqlite:… or file:… for SQLite; postgres://… for PostgreSQL. */
  databaseUrl: string | null;
  /** SQLite's file is <dataDir>/bulwark.db; the folder is created when missing. */
  dataDir: string;
}

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function createDb(options: DbOptions): Promise<Db> {
  const spec = dialectFor(options);
  const kysely = new Kysely<Database>({ dialect: spec.dialect });
  try {
    await migrateToLatest(kysely, spec);
  } catch (err) {
    await kysely.destroy();
    throw err;
  }
  let closed: Promise<void> | null = null;
  return {
    kysely,
    dialect: spec.name,
    async ping() { await sql`select 1`.execute(kysely); },
    close() { return (closed ??= kysely.destroy()); },
  };
}
