// Policies are versioned: saving never overwrites, it adds version n+1, so every decision's
// 'name@version' stays explainable. The body is opaque here; the policies module owns its shape.

import type { Kysely } from 'kysely';
import { isUniqueViolation } from './sqlErrors.js';
import type { Database, PolicyTable } from './schema.js';

export interface PolicyRecord {
  name: string;
  version: number;
  body: unknown;
  createdAt: string;
}

const SAVE_ATTEMPTS = 5;

export class PolicyStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async latest(tenantId: string, name: string): Promise<PolicyRecord | null> {
    const found = await this.#db.selectFrom('policies').selectAll()
      .where('tenant_id', '=', tenantId).where('name', '=', name)
      .orderBy('version', 'desc').limit(1).executeTakeFirst();
    return found ? toRecord(found) : null;
  }

  async get(tenantId: string, name: string, version: number): Promise<PolicyRecord | null> {
    const found = await this.#db.selectFrom('policies').selectAll()
      .where('tenant_id', '=', tenantId).where('name', '=', name).where('version', '=', version)
      .executeTakeFirst();
    return found ? toRecord(found) : null;
  }

  /** The latest version of each of the tenant's policies, by name. */
  async list(tenantId: string): Promise<PolicyRecord[]> {
    const rows = await this.#db.selectFrom('policies as p').selectAll('p')
      .where('p.tenant_id', '=', tenantId)
      .where('p.version', '=', (eb) => eb.selectFrom('policies as q')
        .select((q) => q.fn.max('q.version').as('max'))
        .whereRef('q.tenant_id', '=', 'p.tenant_id')
        .whereRef('q.name', '=', 'p.name'))
      .orderBy('p.name')
      .execute();
    return rows.map(toRecord);
  }

  /** Every version of one policy, newest first. */
  async versions(tenantId: string, name: string): Promise<PolicyRecord[]> {
    const rows = await this.#db.selectFrom('policies').selectAll()
      .where('tenant_id', '=', tenantId).where('name', '=', name)
      .orderBy('version', 'desc').execute();
    return rows.map(toRecord);
  }

  /**
   * Adds the next version, read and written in one transaction. Two writers racing for the same
   * number collide on the primary key, and the loser simply tries again.
   */
  async save(tenantId: string, name: string, body: unknown): Promise<PolicyRecord> {
    const text = JSON.stringify(body);
    for (let attempt = 1; ; attempt++) {
      const createdAt = new Date().toISOString();
      try {
        const saved = await this.#db.transaction().execute(async (trx) => {
          const { max } = await trx.selectFrom('policies')
            .select((eb) => eb.fn.max('version').as('max'))
            .where('tenant_id', '=', tenantId).where('name', '=', name)
            .executeTakeFirstOrThrow();
          const values: PolicyTable = { tenant_id: tenantId, name, version: Number(max ?? 0) + 1, body: text, created_at: createdAt };
          await trx.insertInto('policies').values(values).execute();
          return values;
        });
        return toRecord(saved);
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= SAVE_ATTEMPTS) throw err;
      }
    }
  }
}

function toRecord(r: PolicyTable): PolicyRecord {
  return { name: r.name, version: Number(r.version), body: JSON.parse(r.body) as unknown, createdAt: r.created_at };
}
