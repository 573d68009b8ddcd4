// Live streams. The server pulling a stream holds a lease on it and renews it; a stream whose lease
// ran out while it was still being pulled (its server died) is claimed by the next server that
// looks. Status changes are conditional, so a stream stopped through the API stays stopped.

import type { Kysely } from 'kysely';
import { BulwarkError } from '../errors.js';
import { newId } from './ids.js';
import type { Database, StreamTable } from './schema.js';

export const ACTIVE_STREAM = ['starting', 'live', 'reconnecting'] as const;
export type StreamRow = StreamTable;

/** Flagged moments kept on the stream row (older ones are in the decisions). */
const KEPT_FINDINGS = 20;

export class StreamStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async create(input: { tenantId: string; url: string; interval: number; request: Record<string, unknown> }, now: Date, leaseMs: number): Promise<StreamRow> {
    const at = now.toISOString();
    const row: StreamRow = {
      id: newId('str'), tenant_id: input.tenantId, url: input.url, interval: input.interval, request: JSON.stringify(input.request),
      status: 'starting', lease_until: new Date(now.getTime() + leaseMs).toISOString(), last_error: null, findings: '[]', alerts: 0,
      created_at: at, updated_at: at, ended_at: null,
    };
    await this.#db.insertInto('streams').values(row).execute();
    return row;
  }

  async get(tenantId: string, id: string): Promise<StreamRow> {
    const row = await this.#db.selectFrom('streams').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new BulwarkError('STREAM_NOT_FOUND');
    return row;
  }

  async list(tenantId: string): Promise<StreamRow[]> {
    return this.#db.selectFrom('streams').selectAll().where('tenant_id', '=', tenantId).orderBy('id', 'desc').limit(100).execute();
  }

  async countActive(): Promise<number> {
    const row = await this.#db.selectFrom('streams').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', [...ACTIVE_STREAM]).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Active streams whose server stopped renewing their lease, taken over for `leaseMs`. */
  async claimOrphans(now: Date, leaseMs: number): Promise<StreamRow[]> {
    const at = now.toISOString();
    const orphans = await this.#db.selectFrom('streams').selectAll().where('status', 'in', [...ACTIVE_STREAM]).where('lease_until', '<', at).execute();
    const claimed: StreamRow[] = [];
    for (const s of orphans) {
      const row = await this.#db.updateTable('streams').set({ lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: at })
        .where('id', '=', s.id).where('status', 'in', [...ACTIVE_STREAM]).where('lease_until', '<', at).returningAll().executeTakeFirst();
      if (row) claimed.push(row);
    }
    return claimed;
  }

  /** Renews the lease and sets the status; false when the stream is no longer active (stopped). */
  async renew(id: string, status: (typeof ACTIVE_STREAM)[number], now: Date, leaseMs: number, error: string | null = null): Promise<boolean> {
    const { numUpdatedRows } = await this.#db.updateTable('streams')
      .set({ status, lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString(), ...(error ? { last_error: error } : {}) })
      .where('id', '=', id).where('status', 'in', [...ACTIVE_STREAM]).executeTakeFirst();
    return numUpdatedRows === 1n;
  }

  /** Ends an active stream: 'ended' (it finished), 'failed' (it broke and did not come back) or 'stopped' (through the API). */
  async end(id: string, status: 'ended' | 'failed' | 'stopped', error: string | null = null): Promise<StreamRow | null> {
    const at = new Date().toISOString();
    const row = await this.#db.updateTable('streams').set({ status, lease_until: null, updated_at: at, ended_at: at, ...(error ? { last_error: error } : {}) })
      .where('id', '=', id).where('status', 'in', [...ACTIVE_STREAM]).returningAll().executeTakeFirst();
    return row ?? null;
  }

  async stop(tenantId: string, id: string): Promise<StreamRow> {
    await this.get(tenantId, id);
    return (await this.end(id, 'stopped')) ?? this.get(tenantId, id);
  }

  /** Adds a flagged moment (keeping the latest few) and counts the alert. */
  async addFinding(id: string, finding: unknown): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('streams').select(['findings', 'alerts']).where('id', '=', id).executeTakeFirst();
      if (!row) return;
      const findings = [...(JSON.parse(row.findings) as unknown[]), finding].slice(-KEPT_FINDINGS);
      await trx.updateTable('streams').set({ findings: JSON.stringify(findings), alerts: Number(row.alerts) + 1, updated_at: new Date().toISOString() })
        .where('id', '=', id).execute();
    });
  }
}
