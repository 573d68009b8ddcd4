// Migrations live in code (an in-code MigrationProvider, not a folder scan) so they ship inside
// the build and work from src/, dist/ and bundles alike. Add a migration: a new file, one line here.

import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectSpec } from '../dialects.js';
import { initial } from './0001_initial.js';
import { imageLists } from './0002_image_lists.js';
import { webhooks } from './0003_webhooks.js';
import { jobs } from './0004_jobs.js';
import { streams } from './0005_streams.js';
import { jobCallbacks } from './0006_job_callbacks.js';
import { streamClaims } from './0007_stream_claims.js';
import { consoleIndexes } from './0008_console_indexes.js';

export function migrations(spec: DialectSpec): Record<string, Migration> {
  return {
    '0001_initial': initial(spec),
    '0002_image_lists': imageLists(),
    '0003_webhooks': webhooks(spec),
    '0004_jobs': jobs(spec),
    '0005_streams': streams(spec),
    '0006_job_callbacks': jobCallbacks(),
    '0007_stream_claims': streamClaims(),
    '0008_console_indexes': consoleIndexes(),
  };
}

class CodeMigrationProvider implements MigrationProvider {
  readonly #spec: DialectSpec;
  constructor(spec: DialectSpec) { this.#spec = spec; }
  async getMigrations(): Promise<Record<string, Migration>> { return migrations(this.#spec); }
}

export async function migrateToLatest(db: Kysely<any>, spec: DialectSpec): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new CodeMigrationProvider(spec),
    migrationTableSchema: spec.name === 'postgres' ? await currentSchema(db) : undefined,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'the migrator';
    throw new Error(`Database migration failed in ${failed}: ${String(error)}`, { cause: error });
  }
}

// Kysely looks for its bookkeeping tables in any schema unless told one; naming the current
// schema keeps databases that share a server (one schema per test run) apart.
async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path');
  return schema;
}
