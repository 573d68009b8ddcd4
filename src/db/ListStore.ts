// A tenant's custom lists (keywords, patterns, hashes…) and their entries. Every change bumps the
// list's revision, so a cache of compiled matchers knows exactly which lists to rebuild.

import type { Kysely, Transaction } from 'kysely';
import { BulwarkError } from '../errors.js';
import { decodeIntCursor, pageLimit, toPage } from './cursor.js';
import type { Page } from './cursor.js';
import { newId } from './ids.js';
import { isUniqueViolation } from './sqlErrors.js';
import type { Database, ListTable } from './schema.js';

export interface NewList {
  tenantId: string; name: string; kind: string; action: string; category: string; match: string;
  /** Image lists: the largest PDQ distance that matches. */
  maxDistance?: number | null;
}
export type ListChanges = Partial<Pick<NewList, 'name' | 'action' | 'category' | 'match'>>;

export interface ListRecord extends NewList {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface EntryRecord { id: number; value: string; createdAt: string }

// 1,000 rows × 3 parameters stays well under SQLite's 32,766 and PostgreSQL's 65,535 limits.
const CHUNK = 1_000;

export class ListStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async create(input: NewList): Promise<ListRecord> {
    const now = new Date().toISOString();
    const values: ListTable = {
      id: newId('lst'), tenant_id: input.tenantId, name: input.name, kind: input.kind, action: input.action,
      category: input.category, match: input.match, max_distance: input.maxDistance ?? null, revision: 1, created_at: now, updated_at: now,
    };
    try {
      await this.#db.insertInto('lists').values(values).execute();
    } catch (err) {
      throw isUniqueViolation(err) ? new BulwarkError('LIST_NAME_TAKEN', `A list named "${input.name}" already exists.`) : err;
    }
    return toRecord(values);
  }

  async get(tenantId: string, id: string): Promise<ListRecord | null> {
    const found = await this.#db.selectFrom('lists').selectAll()
      .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return found ? toRecord(found) : null;
  }

  /** The tenant's lists by name, each with its number of entries. */
  async list(tenantId: string): Promise<(ListRecord & { entryCount: number })[]> {
    const rows = await this.#db.selectFrom('lists').selectAll('lists')
      .select((eb) => eb.selectFrom('list_entries').whereRef('list_entries.list_id', '=', 'lists.id')
        .select(eb.fn.countAll<number>().as('n')).as('entry_count'))
      .where('tenant_id', '=', tenantId).orderBy('name').execute();
    return rows.map((r) => ({ ...toRecord(r), entryCount: Number(r.entry_count ?? 0) }));
  }

  /** The tenant's lists with their revisions, for caches of compiled matchers. */
  async listsForTenant(tenantId: string): Promise<ListRecord[]> {
    const rows = await this.#db.selectFrom('lists').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    return rows.map(toRecord);
  }

  async update(tenantId: string, id: string, changes: ListChanges): Promise<ListRecord> {
    const { name, action, category, match } = changes;
    try {
      await this.#db.updateTable('lists')
        .set((eb) => ({ name, action, category, match, revision: eb('revision', '+', 1), updated_at: new Date().toISOString() }))
        .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    } catch (err) {
      throw isUniqueViolation(err) ? new BulwarkError('LIST_NAME_TAKEN', `A list named "${changes.name}" already exists.`) : err;
    }
    const found = await this.get(tenantId, id);
    if (!found) throw new BulwarkError('LIST_NOT_FOUND');
    return found;
  }

  /** Deletes the list and all its entries. */
  async delete(tenantId: string, id: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await owned(trx, tenantId, id);
      await trx.deleteFrom('list_entries').where('list_id', '=', id).execute();
      await trx.deleteFrom('lists').where('id', '=', id).execute();
    });
  }

  /** Adds values, ignoring duplicates within the call and values already present. */
  async addEntries(tenantId: string, listId: string, values: readonly string[]): Promise<{ added: number; skipped: number }> {
    const unique = [...new Set(values)];
    const createdAt = new Date().toISOString();
    const added = await this.#db.transaction().execute(async (trx) => {
      await owned(trx, tenantId, listId);
      let count = 0;
      for (let i = 0; i < unique.length; i += CHUNK) {
        const rows = unique.slice(i, i + CHUNK).map((value) => ({ list_id: listId, value, created_at: createdAt }));
        const inserted = await trx.insertInto('list_entries').values(rows)
          .onConflict((oc) => oc.columns(['list_id', 'value']).doNothing())
          .returning('id').execute();
        count += inserted.length;
      }
      if (count > 0) await bump(trx, listId);
      return count;
    });
    return { added, skipped: values.length - added };
  }

  async removeEntries(tenantId: string, listId: string, values: readonly string[]): Promise<{ removed: number }> {
    const unique = [...new Set(values)];
    const removed = await this.#db.transaction().execute(async (trx) => {
      await owned(trx, tenantId, listId);
      let count = 0;
      for (let i = 0; i < unique.length; i += CHUNK) {
        const result = await trx.deleteFrom('list_entries')
          .where('list_id', '=', listId).where('value', 'in', unique.slice(i, i + CHUNK)).executeTakeFirst();
        count += Number(result.numDeletedRows);
      }
      if (count > 0) await bump(trx, listId);
      return count;
    });
    return { removed };
  }

  /** Removes one entry by id; false when the list has no such entry. */
  async removeEntry(tenantId: string, listId: string, entryId: number): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      await owned(trx, tenantId, listId);
      const result = await trx.deleteFrom('list_entries')
        .where('list_id', '=', listId).where('id', '=', entryId).executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      await bump(trx, listId);
      return true;
    });
  }

  /** Entries in the order they were added, a page at a time. */
  async entries(tenantId: string, listId: string, query: { cursor?: string; limit?: number } = {}):
    Promise<{ entries: EntryRecord[]; nextCursor: string | null }> {
    await owned(this.#db, tenantId, listId);
    const limit = pageLimit(query.limit);
    let q = this.#db.selectFrom('list_entries').select(['id', 'value', 'created_at'])
      .where('list_id', '=', listId).orderBy('id').limit(limit + 1);
    if (query.cursor !== undefined) q = q.where('id', '>', decodeIntCursor(query.cursor));
    const rows = await q.execute();
    const page: Page<EntryRecord> = toPage(rows.map((r) => ({ id: Number(r.id), value: r.value, createdAt: r.created_at })),
      limit, (e) => String(e.id));
    return { entries: page.items, nextCursor: page.nextCursor };
  }

  /** Every value of a list, for compiling its matcher. The caller got the id from this tenant's lists. */
  async allValues(listId: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('list_entries').select('value').where('list_id', '=', listId).orderBy('id').execute();
    return rows.map((r) => r.value);
  }

  async bumpRevision(tenantId: string, listId: string): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      await owned(trx, tenantId, listId);
      return bump(trx, listId);
    });
  }
}

async function owned(db: Kysely<Database> | Transaction<Database>, tenantId: string, listId: string): Promise<void> {
  const found = await db.selectFrom('lists').select('id').where('tenant_id', '=', tenantId).where('id', '=', listId).executeTakeFirst();
  if (!found) throw new BulwarkError('LIST_NOT_FOUND');
}

async function bump(trx: Transaction<Database>, listId: string): Promise<number> {
  const row = await trx.updateTable('lists')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', listId).returning('revision').executeTakeFirstOrThrow();
  return Number(row.revision);
}

function toRecord(r: ListTable): ListRecord {
  return {
    id: r.id, tenantId: r.tenant_id, name: r.name, kind: r.kind, action: r.action, category: r.category,
    match: r.match, maxDistance: r.max_distance === null ? null : Number(r.max_distance),
    revision: Number(r.revision), createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
