// Tenants, API keys, policies, audit events and migrations, against every database.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createDb } from './createDb.js';
import { eachDatabase, rejectsWith } from './eachDatabase.js';

eachDatabase((ctx) => {
  test('migrations are idempotent: opening the same database again is a no-op', async () => {
    const applied = async (db: typeof ctx.t.db) =>
      (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely)).rows.map((r) => r.name);
    const before = await applied(ctx.t.db);
    assert.ok(before.length >= 2 && new Set(before).size === before.length, before.join());
    const again = await createDb(ctx.t.options);
    try {
      await again.ping();
      assert.equal(again.dialect, ctx.kind);
      assert.deepEqual(await applied(again), before);
    } finally {
      await again.close();
    }
  });

  test('tenants: default exists once, settings merge', async () => {
    const { tenants } = ctx.t.stores;
    const first = await tenants.ensureDefault();
    const second = await tenants.ensureDefault();
    assert.equal(first.id, 'ten_default');
    assert.deepEqual(second, first);
    assert.equal((await tenants.settings('ten_default')).storeContent, false);
    const acme = await tenants.create('Acme');
    assert.match(acme.id, /^ten_[0-9a-f]{24}$/);
    assert.deepEqual(await tenants.updateSettings(acme.id, { storeContent: true, retentionDays: 30 }),
      { storeContent: true, includeTranscript: true, retentionDays: 30 });
    assert.deepEqual((await tenants.get(acme.id))?.settings, { storeContent: true, includeTranscript: true, retentionDays: 30 });
    assert.equal((await tenants.settings('ten_default')).storeContent, false);
    assert.equal(await tenants.updateSettings('ten_missing', { storeContent: true }), null);
    assert.deepEqual(await tenants.settings('ten_missing'), { storeContent: false, includeTranscript: true });
  });

  test('keys: create, find by key, list, revoke; only a hash is stored', async () => {
    const { tenants, keys } = ctx.t.stores;
    const tenant = await tenants.create('Keys');
    const before = await keys.countActive();
    const created = await keys.create({ tenantId: tenant.id, name: 'ci', scopes: ['moderate', 'review'] });
    assert.match(created.key, /^bw_[A-Za-z0-9]{40}$/);
    assert.equal(created.prefix, created.key.slice(0, 10));
    assert.equal(await keys.countActive(), before + 1);

    const found = await keys.findByKey(created.key);
    assert.deepEqual(found, { id: created.id, keyId: created.id, tenantId: tenant.id, scopes: ['moderate', 'review'] });
    assert.equal(await keys.findByKey(`${created.key}x`), null);

    const rows = await ctx.t.db.kysely.selectFrom('api_keys').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(created.key), 'the plaintext key must not be stored');
    const row = rows.find((r) => r.id === created.id);
    assert.equal(row?.hash, createHash('sha256').update(created.key).digest('hex'));

    assert.deepEqual((await keys.list(tenant.id)).map((k) => k.id), [created.id]);
    const revoked = await keys.revoke(tenant.id, created.id);
    assert.ok(revoked.revokedAt);
    assert.equal((await keys.revoke(tenant.id, created.id)).revokedAt, revoked.revokedAt, 'revoking again keeps the time');
    assert.equal(await keys.findByKey(created.key), null);
    assert.equal(await keys.countActive(), before);
    await rejectsWith(keys.revoke(tenant.id, 'key_missing'), 'KEY_NOT_FOUND');
  });

  test('keys: storeExisting is idempotent by hash', async () => {
    const { tenants, keys } = ctx.t.stores;
    const tenant = await tenants.ensureDefault();
    const plaintext = 'bw_env_key_from_BULWARK_API_KEY_0123456789';
    const a = await keys.storeExisting(tenant.id, plaintext, 'env', ['admin']);
    const b = await keys.storeExisting(tenant.id, plaintext, 'env again', ['moderate']);
    assert.equal(b.id, a.id);
    assert.deepEqual(b.scopes, ['admin']);
    assert.equal((await keys.list(tenant.id)).filter((k) => k.id === a.id).length, 1);
    assert.equal((await keys.findByKey(plaintext))?.tenantId, tenant.id);
  });

  test('policies: saving adds versions; latest, get, list, versions', async () => {
    const { tenants, policies } = ctx.t.stores;
    const tenant = await tenants.create('Policies');
    assert.equal(await policies.latest(tenant.id, 'default'), null);
    const v1 = await policies.save(tenant.id, 'default', { thresholds: { hate: 0.5 } });
    const v2 = await policies.save(tenant.id, 'default', { thresholds: { hate: 0.7 } });
    await policies.save(tenant.id, 'strict', { thresholds: {} });
    assert.deepEqual([v1.version, v2.version], [1, 2]);
    assert.deepEqual((await policies.latest(tenant.id, 'default'))?.body, { thresholds: { hate: 0.7 } });
    assert.deepEqual((await policies.get(tenant.id, 'default', 1))?.body, { thresholds: { hate: 0.5 } });
    assert.equal(await policies.get(tenant.id, 'default', 3), null);
    assert.deepEqual((await policies.list(tenant.id)).map((p) => `${p.name}@${p.version}`), ['default@2', 'strict@1']);
    assert.deepEqual((await policies.versions(tenant.id, 'default')).map((p) => p.version), [2, 1]);
  });

  test('policies: concurrent saves get distinct consecutive versions', async () => {
    const { tenants, policies } = ctx.t.stores;
    const tenant = await tenants.create('Racing');
    const saved = await Promise.all(Array.from({ length: 6 }, (_, i) => policies.save(tenant.id, 'p', { i })));
    assert.deepEqual(saved.map((p) => p.version).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6]);
  });

  test('audit: record and page newest first', async () => {
    const { tenants, audit } = ctx.t.stores;
    const tenant = await tenants.create('Audit');
    for (let i = 0; i < 5; i++) {
      await audit.record({ tenantId: tenant.id, actor: 'system', action: 'list.create', target: `lst_${i}`, detail: { i } });
    }
    const first = await audit.list(tenant.id, { limit: 3 });
    assert.deepEqual(first.events.map((e) => e.detail.i), [4, 3, 2]);
    assert.ok(first.nextCursor);
    const second = await audit.list(tenant.id, { limit: 3, cursor: first.nextCursor });
    assert.deepEqual(second.events.map((e) => e.target), ['lst_1', 'lst_0']);
    assert.equal(second.nextCursor, null);
    await rejectsWith(audit.list(tenant.id, { cursor: 'not a cursor' }), 'CURSOR_INVALID');
  });
});
