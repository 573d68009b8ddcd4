// `bulwark keys create` and `bulwark lists import`: administration without the HTTP API,
// working directly on the configured database.

import { CATEGORIES, LIST_ENTRIES_PER_CALL_MAX, isCategory } from '../content/index.js';
import { loadConfig } from '../config.js';
import { LIST_ACTIONS } from '../lists/index.js';
import { createService } from '../service/index.js';
import { listSettings, storedEntry } from '../service/listEntries.js';
import type { Service } from '../service/index.js';
import { isScope } from '../tenants/index.js';
import type { Scope } from '../tenants/index.js';
import { readLines } from './scan.js';
import { tenantOf } from './tenant.js';

async function withService<T>(fn: (service: Service) => Promise<T>): Promise<T> {
  const service = await createService(loadConfig());
  try { return await fn(service); } finally { await service.close(); }
}

export async function createKey(options: { name: string; scopes: string; tenant?: string }): Promise<void> {
  const scopes = options.scopes.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => !isScope(s));
  if (bad.length || scopes.length === 0) throw new Error(`Unknown scope(s): ${bad.join(', ') || '(none)'}; use moderate, review, admin.`);
  await withService(async (service) => {
    const tenantId = await tenantOf(service, options.tenant);
    const created = await service.stores.keys.create({ tenantId, name: options.name, scopes: scopes as Scope[] });
    await service.stores.audit.record({ tenantId, actor: 'cli', action: 'key.create', target: created.id, detail: { scopes } });
    process.stdout.write(`${JSON.stringify({ id: created.id, key: created.key, scopes: created.scopes, tenantId })}\n`);
    process.stderr.write('The key is shown only this once; only its hash is stored.\n');
  });
}

export interface ListOptions { action: string; category: string; kind?: string; match?: string; maxDistance?: string; tenant?: string }

export async function createList(name: string, options: ListOptions): Promise<void> {
  if (!(LIST_ACTIONS as readonly string[]).includes(options.action)) throw new Error(`--action must be one of ${LIST_ACTIONS.join(', ')}`);
  if (!isCategory(options.category)) throw new Error(`--category must be one of ${CATEGORIES.join(', ')}`);
  const settings = listSettings({ kind: options.kind, match: options.match, maxDistance: options.maxDistance === undefined ? undefined : Number(options.maxDistance) });
  await withService(async (service) => {
    const tenantId = await tenantOf(service, options.tenant);
    const list = await service.stores.lists.create({ tenantId, name, action: options.action, category: options.category, ...settings });
    await service.stores.audit.record({ tenantId, actor: 'cli', action: 'list.create', target: list.id, detail: { name, ...options } });
    process.stdout.write(`${JSON.stringify({ id: list.id, name: list.name, kind: list.kind, action: list.action, category: list.category,
      ...(settings.kind === 'image' ? { maxDistance: settings.maxDistance } : { match: list.match }) })}\n`);
  });
}

export async function importList(listRef: string, file: string, options: { tenant?: string }): Promise<void> {
  const lines = (await readLines(file)).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  await withService(async (service) => {
    const tenantId = await tenantOf(service, options.tenant);
    const lists = await service.stores.lists.list(tenantId);
    const list = lists.find((l) => l.id === listRef || l.name === listRef);
    if (!list) throw new Error(`No list "${listRef}" in tenant ${tenantId}. Create it first (POST /v1/lists).`);
    // Image lists take hex hashes one a line, as hash-sharing programmes exchange them.
    const values = lines.map((v) => storedEntry(list, v));
    let added = 0;
    let skipped = 0;
    for (let i = 0; i < values.length; i += LIST_ENTRIES_PER_CALL_MAX) {
      const result = await service.stores.lists.addEntries(tenantId, list.id, values.slice(i, i + LIST_ENTRIES_PER_CALL_MAX));
      added += result.added;
      skipped += result.skipped;
      process.stderr.write(`\rimported ${Math.min(i + LIST_ENTRIES_PER_CALL_MAX, values.length)}/${values.length}`);
    }
    process.stderr.write('\n');
    await service.stores.audit.record({ tenantId, actor: 'cli', action: 'list.entries.add', target: list.id, detail: { added, skipped, file } });
    process.stdout.write(`${JSON.stringify({ list: list.name, id: list.id, added, skipped })}\n`);
  });
}
