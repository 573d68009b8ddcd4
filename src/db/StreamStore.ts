// Live streams. The server pulling a stream holds a lease on it and renews it; a stream whose lease
// ran out while it was still being pulled (its server died) is claimed by the next server that
// looks. Each claim counts up (`claims`), and a server renews or ends only the claim it holds, so
// one whose lease lapsed cannot write over the server that took over. Status changes are
// conditional, so a stream stopped through the API stays stopped.

import type { Kysely } from 'kysely';
import { BulwarkError } from '../errors.js';
import { newId } from './ids.js';
import type { Database, StreamTable } from './schema.js';

export const ACTIVE_STREAM = ['starting', 'live', 'reconnecting'] as const;
export type StreamRow = StreamTable;

/** A server's hold on a stream: the stream and which claim of it. */
export type Claim = Pick<StreamRow, 'id' | 'claims'>;

/** Flagged moments kept on the stream row (older ones are in the decisions). */
const KEPT_FINDINGS = 20;

export class StreamStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async create(input: { tenantId: string; url: string; interval: number; request: Record<string, unknown> }, now: Date, leaseMs: number): Promise<StreamRow> {
    const at = now.toISOString();
    const row: StreamRow = {
      id: newId('str'), tenant_id: input.tenantId, url: input.url, interval: input.interval, request: JSON.stringify(input.request),
      status: 'starting', lease_until: new Date(now.getTime() + leaseMs).toISOString(), claims: 1, last_error: null, findings: '[]', alerts: 0,
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
      const row = await this.#db.updateTable('streams').set({ lease_until: new Date(now.getTime() + leaseMs).toISOString(), claims: Number(s.claims) + 1, updated_at: at })
        .where('id', '=', s.id).where('claims', '=', s.claims).where('status', 'in', [...ACTIVE_STREAM]).where('lease_until', '<', at).returningAll().executeTakeFirst();
      if (row) claimed.push(row);
    }
    return claimed;
  }

  /** Renews the lease of the claim held and sets the status; false when the stream is no longer active (stopped) or was taken over. */
  async renew(held: Claim, status: (typeof ACTIVE_STREAM)[number], now: Date, leaseMs: number, error: string | null = null): Promise<boolean> {
    const { numUpdatedRows } = await this.#db.updateTable('streams')
      .set({ status, lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString(), ...(error ? { last_error: error } : {}) })
      .where('id', '=', held.id).where('claims', '=', held.claims).where('status', 'in', [...ACTIVE_STREAM]).executeTakeFirst();
    return numUpdatedRows === 1n;
  }

  /** Ends an active stream the claim still holds: 'ended' (it finished) or 'failed' (it broke and did not come back). */
  async end(held: Claim, status: 'ended' | 'failed', error: string | null = null): Promise<StreamRow | null> {
    return this.#end(held.id, status, error, held.claims);
  }

  /** Stops a stream through the API, whoever pulls it (the puller notices at its next renewal). */
  async stop(tenantId: string, id: string): Promise<StreamRow> {
    await this.get(tenantId, id);
    return (await this.#end(id, 'stopped', null, null)) ?? this.get(tenantId, id);
  }

  async #end(id: string, status: 'ended' | 'failed' | 'stopped', error: string | null, claims: number | null): Promise<StreamRow | null> {
    const at = new Date().toISOString();
    let update = this.#db.updateTable('streams').set({ status, lease_until: null, updated_at: at, ended_at: at, ...(error ? { last_error: error } : {}) })
      .where('id', '=', id).where('status', 'in', [...ACTIVE_STREAM]);
    if (claims !== null) update = update.where('claims', '=', claims);
    return (await update.returningAll().executeTakeFirst()) ?? null;
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
