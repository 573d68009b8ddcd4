// API keys. Only a SHA-256 of each key is stored; the plaintext is returned once, at creation.
// findByKey is the authentication lookup: one indexed query by hash, revoked keys excluded.

import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { BulwarkError } from '../errors.js';
import { isScope } from '../tenants/index.js';
import type { Principal, Scope } from '../tenants/index.js';
import { newId } from './ids.js';
import type { ApiKeyTable, Database } from './schema.js';

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedKey { id: string; key: string; prefix: string; scopes: Scope[] }

/** Who a key belongs to: a Principal (keyId, tenantId, scopes) that also carries `id`. */
export interface KeyPrincipal extends Principal { id: string; scopes: Scope[] }

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY_CHARS = 40;
const PREFIX_CHARS = 10;

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export class KeyStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async create(input: { tenantId: string; name: string; scopes: readonly Scope[] }): Promise<CreatedKey> {
    const key = `bw_${randomBase62(KEY_CHARS)}`;
    const values = row(input.tenantId, key, input.name, input.scopes);
    await this.#db.insertInto('api_keys').values(values).execute();
    return { id: values.id, key, prefix: values.prefix, scopes: [...input.scopes] };
  }

  /** Registers a key chosen outside (BULWARK_API_KEY). Idempotent by hash: a known key is kept as is. */
  async storeExisting(tenantId: string, key: string, name: string, scopes: readonly Scope[]): Promise<ApiKeyRecord> {
    // A key chosen by a person is no random string: showing its first characters could give it
    // away, so its listed prefix comes from the hash instead.
    const values = { ...row(tenantId, key, name, scopes), prefix: `sha256:${hashKey(key).slice(0, 8)}` };
    await this.#db.insertInto('api_keys').values(values)
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    const stored = await this.#db.selectFrom('api_keys').selectAll().where('hash', '=', values.hash).executeTakeFirstOrThrow();
    return toRecord(stored);
  }

  async findByKey(key: string): Promise<KeyPrincipal | null> {
    const found = await this.#db.selectFrom('api_keys')
      .select(['id', 'tenant_id', 'scopes'])
      .where('hash', '=', hashKey(key))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!found) return null;
    return { id: found.id, keyId: found.id, tenantId: found.tenant_id, scopes: parseScopes(found.scopes) };
  }

  async list(tenantId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.#db.selectFrom('api_keys').selectAll()
      .where('tenant_id', '=', tenantId).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** The names of these keys of the tenant, revoked ones too: a review keeps naming who decided it. */
  async names(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.#db.selectFrom('api_keys').select(['id', 'name'])
      .where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Revokes a key of this tenant (idempotent: the first revocation time is kept). */
  async revoke(tenantId: string, id: string): Promise<ApiKeyRecord> {
    await this.#db.updateTable('api_keys').set({ revoked_at: new Date().toISOString() })
      .where('tenant_id', '=', tenantId).where('id', '=', id).where('revoked_at', 'is', null)
      .execute();
    const found = await this.#db.selectFrom('api_keys').selectAll()
      .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!found) throw new BulwarkError('KEY_NOT_FOUND');
    return toRecord(found);
  }

  /** Keys not revoked, across all tenants (the CLI offers to make one when there are none). */
  async countActive(): Promise<number> {
    const { count } = await this.#db.selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(count);
  }
}

function row(tenantId: string, key: string, name: string, scopes: readonly Scope[]): ApiKeyTable {
  return {
    id: newId('key'), tenant_id: tenantId, name, prefix: key.slice(0, PREFIX_CHARS), hash: hashKey(key),
    scopes: JSON.stringify(scopes), created_at: new Date().toISOString(), revoked_at: null,
  };
}

function toRecord(r: ApiKeyTable): ApiKeyRecord {
  return {
    id: r.id, tenantId: r.tenant_id, name: r.name, prefix: r.prefix, scopes: parseScopes(r.scopes),
    createdAt: r.created_at, revokedAt: r.revoked_at,
  };
}

// Scopes that are no longer known are dropped rather than trusted.
function parseScopes(text: string): Scope[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? value.filter((s): s is Scope => typeof s === 'string' && isScope(s)) : [];
}

// Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
