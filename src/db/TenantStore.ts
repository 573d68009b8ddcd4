// Tenants and their settings. Every other store is scoped by tenant id; a fresh install has one
// tenant, 'ten_default', which ensureDefault() creates on start.

import type { Kysely } from 'kysely';
import { newId } from './ids.js';
import type { Database, TenantTable } from './schema.js';

export const DEFAULT_TENANT_ID = 'ten_default';

export interface TenantSettings {
  /** Store the moderated content itself with each decision (default: only its hash). */
  storeContent: boolean;
  /** Audio and video decisions include what was heard (default true). */
  includeTranscript: boolean;
  [key: string]: unknown;
}

export interface TenantRecord {
  id: string;
  name: string;
  settings: TenantSettings;
  createdAt: string;
}

const DEFAULT_SETTINGS: TenantSettings = { storeContent: false, includeTranscript: true };

export class TenantStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async ensureDefault(): Promise<TenantRecord> {
    await this.#db.insertInto('tenants')
      .values(row(DEFAULT_TENANT_ID, 'default'))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return (await this.get(DEFAULT_TENANT_ID))!;
  }

  async create(name: string): Promise<TenantRecord> {
    const values = row(newId('ten'), name);
    await this.#db.insertInto('tenants').values(values).execute();
    return toRecord(values);
  }

  async get(id: string): Promise<TenantRecord | null> {
    const found = await this.#db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    return found ? toRecord(found) : null;
  }

  /** The tenant's settings; defaults for an unknown tenant. */
  async settings(tenantId: string): Promise<TenantSettings> {
    return (await this.get(tenantId))?.settings ?? { ...DEFAULT_SETTINGS };
  }

  /** Merges `patch` into the settings; null when there is no such tenant. */
  async updateSettings(tenantId: string, patch: Partial<TenantSettings>): Promise<TenantSettings | null> {
    return this.#db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst();
      if (!found) return null;
      const settings = { ...parseSettings(found.settings), ...patch };
      await trx.updateTable('tenants').set({ settings: JSON.stringify(settings) }).where('id', '=', tenantId).execute();
      return settings;
    });
  }
}

function row(id: string, name: string): TenantTable {
  return { id, name, settings: JSON.stringify(DEFAULT_SETTINGS), created_at: new Date().toISOString() };
}

function toRecord(r: TenantTable): TenantRecord {
  return { id: r.id, name: r.name, settings: parseSettings(r.settings), createdAt: r.created_at };
}

function parseSettings(text: string): TenantSettings {
  const stored = JSON.parse(text) as Partial<TenantSettings>;
  return { ...DEFAULT_SETTINGS, ...stored, storeContent: stored.storeContent === true, includeTranscript: stored.includeTranscript !== false };
}
