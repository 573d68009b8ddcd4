// Lists and entries against every database: unique names, 10,000-entry bulk adds with dedupe,
// paging, removal, revisions and delete-with-entries.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BulwarkError } from '../errors.js';
import { eachDatabase, rejectsWith } from './eachDatabase.js';

const spec = { kind: 'keyword', action: 'block', category: 'profanity', match: 'word' };

eachDatabase((ctx) => {
  test('create, get, list; a duplicate name is 409 LIST_NAME_TAKEN', async () => {
    const { tenants, lists } = ctx.t.stores;
    const a = await tenants.create('A');
    const b = await tenants.create('B');
    const list = await lists.create({ tenantId: a.id, name: 'banned', ...spec });
    assert.match(list.id, /^lst_/);
    assert.equal(list.revision, 1);
    assert.deepEqual(await lists.get(a.id, list.id), list);
    await assert.rejects(lists.create({ tenantId: a.id, name: 'banned', ...spec }),
      (err: unknown) => err instanceof BulwarkError && err.code === 'LIST_NAME_TAKEN' && err.statusCode === 409);
    const other = await lists.create({ tenantId: b.id, name: 'banned', ...spec });
    assert.notEqual(other.id, list.id, 'the same name is fine in another tenant');
    const renamed = await lists.update(a.id, list.id, { name: 'banned-words', action: 'review' });
    assert.equal(renamed.name, 'banned-words');
    assert.equal(renamed.action, 'review');
    assert.equal(renamed.revision, 2);
    await lists.create({ tenantId: a.id, name: 'another', ...spec });
    await rejectsWith(lists.update(a.id, list.id, { name: 'another' }), 'LIST_NAME_TAKEN');
    assert.deepEqual((await lists.list(a.id)).map((l) => [l.name, l.entryCount]), [['another', 0], ['banned-words', 0]]);
  });

  test('10,000 entries: added in chunks, duplicates and existing values skipped, paged', async () => {
    const { tenants, lists } = ctx.t.stores;
    const tenant = await tenants.create('Bulk');
    const list = await lists.create({ tenantId: tenant.id, name: 'bulk', ...spec });
    const values = Array.from({ length: 10_000 }, (_, i) => `word-${i}`);
    const first = await lists.addEntries(tenant.id, list.id, [...values, 'word-1', 'word-2']);
    assert.deepEqual(first, { added: 10_000, skipped: 2 });
    const again = await lists.addEntries(tenant.id, list.id, ['word-5', 'new-1', 'new-1', 'new-2']);
    assert.deepEqual(again, { added: 2, skipped: 2 });
    assert.deepEqual(await lists.addEntries(tenant.id, list.id, ['word-7']), { added: 0, skipped: 1 });

    const revision = (await lists.get(tenant.id, list.id))?.revision;
    assert.equal(revision, 3, 'bumped by each call that added something');
    assert.equal((await lists.list(tenant.id))[0].entryCount, 10_002);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await lists.entries(tenant.id, list.id, { cursor, limit: 1000 });
      seen.push(...page.entries.map((e) => e.value));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    assert.equal(pages, 11);
    assert.deepEqual(seen, [...values, 'new-1', 'new-2'], 'in insertion order, each once');
    const all = await lists.allValues(list.id);
    assert.equal(all.length, 10_002);
    await rejectsWith(lists.entries(tenant.id, list.id, { cursor: 'bm9wZQ' }), 'CURSOR_INVALID');
  });

  test('remove entries by value and by id; revisions show the change', async () => {
    const { tenants, lists } = ctx.t.stores;
    const tenant = await tenants.create('Remove');
    const list = await lists.create({ tenantId: tenant.id, name: 'r', ...spec });
    await lists.addEntries(tenant.id, list.id, ['a', 'b', 'c', 'd']);
    assert.deepEqual(await lists.removeEntries(tenant.id, list.id, ['a', 'b', 'zzz']), { removed: 2 });
    const { entries } = await lists.entries(tenant.id, list.id);
    assert.deepEqual(entries.map((e) => e.value), ['c', 'd']);
    assert.equal(typeof entries[0].id, 'number');
    assert.equal(await lists.removeEntry(tenant.id, list.id, entries[0].id), true);
    assert.equal(await lists.removeEntry(tenant.id, list.id, entries[0].id), false);
    assert.deepEqual(await lists.allValues(list.id), ['d']);
    const before = (await lists.listsForTenant(tenant.id)).find((l) => l.id === list.id)?.revision ?? 0;
    assert.equal(await lists.bumpRevision(tenant.id, list.id), before + 1);
    assert.equal((await lists.listsForTenant(tenant.id))[0].revision, before + 1);
  });

  test('delete removes the list and its entries', async () => {
    const { tenants, lists } = ctx.t.stores;
    const tenant = await tenants.create('Delete');
    const list = await lists.create({ tenantId: tenant.id, name: 'gone', ...spec });
    await lists.addEntries(tenant.id, list.id, ['x', 'y']);
    await lists.delete(tenant.id, list.id);
    assert.equal(await lists.get(tenant.id, list.id), null);
    assert.deepEqual(await lists.allValues(list.id), []);
    const left = await ctx.t.db.kysely.selectFrom('list_entries').select('id').where('list_id', '=', list.id).execute();
    assert.equal(left.length, 0);
    await rejectsWith(lists.delete(tenant.id, list.id), 'LIST_NOT_FOUND');
    await rejectsWith(lists.addEntries(tenant.id, list.id, ['z']), 'LIST_NOT_FOUND');
    const reused = await lists.create({ tenantId: tenant.id, name: 'gone', ...spec });
    assert.notEqual(reused.id, list.id, 'the name is free again');
  });
});
