// The tenant's policies, compiled custom lists and settings, cached in memory. Writes in this service (and
// in the other workers of one `serve`, through Service.changed) invalidate at once; separate
// instances on one PostgreSQL database see changes within REFRESH_MS,
// and a list is recompiled only when its revision changed. A per-tenant generation, bumped by
// every invalidation, keeps a load that started before a write from caching what it read.

import { BulwarkError } from '../errors.js';
import type { ListRecord, Stores } from '../db/index.js';
import { compileImageList, DEFAULT_MAX_DISTANCE } from '../images/imageHashList.js';
import type { ImageHashList } from '../images/imageHashList.js';
import type { Category } from '../content/index.js';
import { compileKeywordList } from '../lists/index.js';
import type { ListAction, ListMatch } from '../lists/index.js';
import type { CompiledList, ModerationSources, ResolvedPolicy } from '../moderation/index.js';
import { DEFAULT_POLICY_NAME, defaultPolicyBody, parsePolicyBody } from '../policies/index.js';
import type { TenantSettings } from './service.js';

const REFRESH_MS = 2_000;

interface Cached<T> { value: T; until: number }

interface TenantLists { keyword: CompiledList[]; image: ImageHashList[] }

function compileList(list: ListRecord, values: readonly string[]): CompiledList | ImageHashList {
  const common = { id: list.id, name: list.name, action: list.action as ListAction, category: list.category as Category, entries: values };
  if (list.kind === 'image') return compileImageList({ ...common, maxDistance: list.maxDistance ?? DEFAULT_MAX_DISTANCE });
  return compileKeywordList({ ...common, match: list.match as ListMatch });
}

export class CachedSources implements ModerationSources {
  readonly #stores: Stores;
  readonly #policies = new Map<string, Cached<ResolvedPolicy>>();
  readonly #tenantLists = new Map<string, Cached<TenantLists>>();
  readonly #compiled = new Map<string, { tenantId: string; revision: number; list: CompiledList | ImageHashList }>();
  readonly #settings = new Map<string, Cached<TenantSettings>>();
  readonly #generations = new Map<string, number>();
  /** The operator's BULWARK_STORE_CONTENT: every tenant's decisions keep their content. */
  readonly #storeContentAlways: boolean;

  constructor(stores: Stores, storeContentAlways = false) {
    this.#stores = stores;
    this.#storeContentAlways = storeContentAlways;
  }

  async settings(tenantId: string): Promise<TenantSettings> {
    const hit = this.#settings.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.value;
    const generation = this.#generation(tenantId);
    const stored = await this.#stores.tenants.settings(tenantId);
    const value = { storeContent: this.#storeContentAlways || stored.storeContent === true, includeTranscript: stored.includeTranscript !== false };
    if (generation === this.#generation(tenantId)) this.#settings.set(tenantId, { value, until: Date.now() + REFRESH_MS });
    return value;
  }

  async policy(tenantId: string, name: string): Promise<ResolvedPolicy> {
    const key = `${tenantId}\u0000${name}`;
    const hit = this.#policies.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const generation = this.#generation(tenantId);
    let stored = await this.#stores.policies.latest(tenantId, name);
    if (!stored && name === DEFAULT_POLICY_NAME) {
      stored = await this.#stores.policies.save(tenantId, name, defaultPolicyBody());
    }
    if (!stored) throw new BulwarkError('POLICY_NOT_FOUND', `No policy named "${name}".`);
    const value = { name: stored.name, version: stored.version, body: parsePolicyBody(stored.body) };
    if (generation === this.#generation(tenantId)) this.#policies.set(key, { value, until: Date.now() + REFRESH_MS });
    return value;
  }

  /** The tenant's keyword lists, compiled: what the text pipeline matches. */
  async lists(tenantId: string): Promise<readonly CompiledList[]> {
    return (await this.#lists(tenantId)).keyword;
  }

  /** The tenant's image hash lists, compiled. */
  async imageLists(tenantId: string): Promise<readonly ImageHashList[]> {
    return (await this.#lists(tenantId)).image;
  }

  async #lists(tenantId: string): Promise<TenantLists> {
    const hit = this.#tenantLists.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.value;
    const generation = this.#generation(tenantId);
    const lists = await this.#stores.lists.listsForTenant(tenantId);
    const value: TenantLists = { keyword: [], image: [] };
    for (const list of lists) {
      let compiled = this.#compiled.get(list.id);
      if (!compiled || compiled.revision !== list.revision) {
        compiled = { tenantId, revision: list.revision, list: compileList(list, await this.#stores.lists.allValues(list.id)) };
        this.#compiled.set(list.id, compiled);
      }
      if (list.kind === 'image') value.image.push(compiled.list as ImageHashList);
      else value.keyword.push(compiled.list as CompiledList);
    }
    this.#forgetDeleted(tenantId, new Set(lists.map((l) => l.id)));
    if (generation === this.#generation(tenantId)) this.#tenantLists.set(tenantId, { value, until: Date.now() + REFRESH_MS });
    return value;
  }

  /** Call after a write so the next request of this tenant sees it. */
  invalidate(tenantId: string): void {
    this.#generations.set(tenantId, this.#generation(tenantId) + 1);
    this.#tenantLists.delete(tenantId);
    this.#settings.delete(tenantId);
    for (const key of this.#policies.keys()) if (key.startsWith(`${tenantId}\u0000`)) this.#policies.delete(key);
  }

  #generation(tenantId: string): number {
    return this.#generations.get(tenantId) ?? 0;
  }

  #forgetDeleted(tenantId: string, live: Set<string>): void {
    for (const [id, entry] of this.#compiled) if (entry.tenantId === tenantId && !live.has(id)) this.#compiled.delete(id);
  }
}
