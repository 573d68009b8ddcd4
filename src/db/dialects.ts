// A dialect is a small factory: how to connect, plus the few column types where SQLite and
// PostgreSQL differ. Queries and migrations are shared; they read the differences from here.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, PostgresDialect, SqliteDialect, SqliteDriver, sql } from 'kysely';
import type { DatabaseConnection, Driver } from 'kysely';
import type { ColumnDataType, ColumnDefinitionBuilder, Dialect, Expression } from 'kysely';
import pg from 'pg';

export type DialectName = 'sqlite' | 'postgres';
/** A column type as Kysely's schema builder takes it (its own alias is not exported). */
export type DataTypeExpression = ColumnDataType | Expression<unknown>;

export interface ColumnTypes {
  /** Text compared bytewise: ids and timestamps, which ordering and keyset paging compare. */
  readonly sortableText: DataTypeExpression;
  /** The type and constraints of an auto-increment primary key (list_entries.id). */
  readonly serial: DataTypeExpression;
  serialKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

export interface DialectSpec extends ColumnTypes {
  readonly name: DialectName;
  readonly dialect: Dialect;
}

const BUSY_TIMEOUT_MS = 5_000;
const INT8_OID = 20;

export function sqliteDialect(file: string): DialectSpec {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file, { timeout: BUSY_TIMEOUT_MS });
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  return {
    name: 'sqlite',
    dialect: new ImmediateSqliteDialect({ database }),
    sortableText: 'text',
    serial: 'integer',
    serialKey: (c) => c.primaryKey().autoIncrement(),
  };
}

/**
 * Transactions that read, then write (next version number, list revision) must take SQLite's write
 * lock when they begin: a deferred transaction whose read snapshot went stale while another
 * process (a second worker, `bulwark lists import`) wrote fails at once with SQLITE_BUSY instead of
 * waiting. BEGIN IMMEDIATE waits for the lock (busy_timeout) and cannot go stale.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export function postgresDialect(connectionString: string): DialectSpec {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // bigint (int8) as a JS number: list entry ids and count(*) stay far below 2^53. Set per pool,
    // not on pg's global parser table, so other users of `pg` in the process are unaffected.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return {
    name: 'postgres',
    dialect: new PostgresDialect({ pool }),
    // The database's collation (e.g. en_US) may ignore punctuation; keyset paging needs bytes.
    sortableText: sql`text collate "C"`,
    serial: 'bigint',
    serialKey: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
  };
}

/** null, a path, 'sqlite:…' or 'file:…' → SQLite; 'postgres://' or 'postgresql://' → PostgreSQL. */
export function dialectFor(options: { databaseUrl: string | null; dataDir: string }): DialectSpec {
  const url = options.databaseUrl?.trim() || null;
  const defaultFile = path.join(options.dataDir, 'bulwark.db');
  if (url === null) return sqliteDialect(defaultFile);
  if (/^postgres(ql)?:\/\//i.test(url)) return postgresDialect(url);
  if (/^file:/i.test(url)) return sqliteDialect(fileURLToPath(url));
  if (/^sqlite:/i.test(url)) {
    const rest = url.replace(/^sqlite:(\/\/)?/i, '');
    return sqliteDialect(rest === '' ? defaultFile : rest === ':memory:' ? rest : path.resolve(rest));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
  return sqliteDialect(path.resolve(url));
}
