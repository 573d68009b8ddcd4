// Who did what, per tenant: key changes, list edits, review decisions. Append-only; read newest
// first with cursor paging.

import type { Kysely } from 'kysely';
import { decodeIdCursor, pageLimit, toPage } from './cursor.js';
import { newId } from './ids.js';
import type { AuditEventTable, Database } from './schema.js';

export interface AuditInput {
  tenantId: string;
  /** The acting API key id, or 'system'. */
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends Required<AuditInput> { id: string; createdAt: string }

export class AuditStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async record(input: AuditInput): Promise<AuditRecord> {
    const row: AuditEventTable = {
      id: newId('evt'), tenant_id: input.tenantId, actor: input.actor, action: input.action, target: input.target,
      detail: JSON.stringify(input.detail ?? {}), created_at: new Date().toISOString(),
    };
    await this.#db.insertInto('audit_events').values(row).execute();
    return toRecord(row);
  }

  async list(tenantId: string, query: { cursor?: string; limit?: number } = {}):
    Promise<{ events: AuditRecord[]; nextCursor: string | null }> {
    const limit = pageLimit(query.limit);
    let q = this.#db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenantId);
    if (query.cursor !== undefined) q = q.where('id', '<', decodeIdCursor(query.cursor, 'evt'));
    const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = toPage(rows.map(toRecord), limit, (e) => e.id);
    return { events: page.items, nextCursor: page.nextCursor };
  }
}

function toRecord(r: AuditEventTable): AuditRecord {
  return {
    id: r.id, tenantId: r.tenant_id, actor: r.actor, action: r.action, target: r.target,
    detail: JSON.parse(r.detail) as Record<string, unknown>, createdAt: r.created_at,
  };
}
