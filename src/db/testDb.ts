// Real databases for tests: SQLite in a temp folder always, and PostgreSQL — a fresh schema in
// TEST_DATABASE_URL — when that is set, so parallel test files never see each other's rows.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb } from './createDb.js';
import type { Db, DbOptions } from './createDb.js';
import { createStores } from './createStores.js';
import type { Stores } from './createStores.js';
import type { DialectName } from './dialects.js';

export interface TestDatabase {
  kind: DialectName;
  /** false, or why this database is skipped (for node:test's `skip`). */
  skip: string | false;
}

export interface TestDb {
  db: Db;
  stores: Stores;
  /** Open another handle on the same database with createDb(options). */
  options: DbOptions;
  /** Closes the handle and drops everything the test made. */
  close(): Promise<void>;
}

export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  return [
    { kind: 'sqlite', skip: false },
    { kind: 'postgres', skip: env.TEST_DATABASE_URL ? false
      : 'TEST_DATABASE_URL is not set; run `bash scripts/postgres.sh` and export the URL it prints' },
  ];
}

export async function openTestDb(kind: DialectName, env: NodeJS.ProcessEnv = process.env): Promise<TestDb> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bulwark-db-'));
  let options: DbOptions = { databaseUrl: null, dataDir };
  let drop = async (): Promise<void> => {};
  if (kind === 'postgres') {
    const baseUrl = env.TEST_DATABASE_URL;
    if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `bw_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(baseUrl, `create schema ${schema}`);
    const separator = baseUrl.includes('?') ? '&' : '?';
    options = { databaseUrl: `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`, dataDir };
    drop = () => adminQuery(baseUrl, `drop schema if exists ${schema} cascade`);
  }
  const db = await createDb(options);
  return {
    db,
    stores: createStores(db),
    options,
    async close() {
      await db.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}
