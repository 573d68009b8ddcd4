// One shared store suite, many databases: eachDatabase() registers the same tests once per
// database (SQLite always; PostgreSQL when TEST_DATABASE_URL is set, else a visible skip).
// Test support only: imports node:test, so it stays out of index.ts.

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { BulwarkError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { DialectName } from './dialects.js';
import { newId } from './ids.js';
import type { DecisionTable } from './schema.js';
import { openTestDb, testDatabases } from './testDb.js';
import type { TestDb } from './testDb.js';

export interface SuiteContext {
  readonly kind: DialectName;
  /** The open database of this run (valid inside tests and hooks). */
  readonly t: TestDb;
}

export function eachDatabase(register: (ctx: SuiteContext) => void): void {
  for (const { kind, skip } of testDatabases()) {
    describe(kind, { skip }, () => {
      let handle: TestDb | null = null;
      before(async () => { handle = await openTestDb(kind); });
      after(async () => { await handle?.close(); });
      register({
        kind,
        get t() {
          if (!handle) throw new Error('the test database is not open yet');
          return handle;
        },
      });
    });
  }
}

export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof BulwarkError, `expected a BulwarkError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

export function decisionRow(tenantId: string, overrides: Partial<DecisionTable> = {}): DecisionTable {
  return {
    id: newId('dec'), tenant_id: tenantId, kind: 'text', content_hash: 'sha256:00', content: null,
    suggestion: 'pass', policy: 'default@1', categories: '{}', flagged: '', evidence: '{"evidence":[]}',
    models: '{}', latency_ms: 3, data_id: null, metadata: null, created_at: new Date().toISOString(),
    ...overrides,
  };
}
