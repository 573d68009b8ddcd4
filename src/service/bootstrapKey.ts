// The first admin key. BULWARK_API_KEY makes that key an admin key of the default tenant;
// with no key at all, the first start creates one and hands it back once to be printed.

import { DEFAULT_TENANT_ID } from '../db/index.js';
import type { Service } from './service.js';

const CONFIGURED_KEY_NAME = 'BULWARK_API_KEY';

export async function ensureAdminKey(service: Pick<Service, 'stores' | 'config'>): Promise<{ created: string | null }> {
  const keys = service.stores.keys;
  if (service.config.apiKey) {
    const stored = await keys.storeExisting(DEFAULT_TENANT_ID, service.config.apiKey, CONFIGURED_KEY_NAME, ['admin']);
    if (stored.revokedAt) throw new Error('BULWARK_API_KEY holds a key that was revoked; choose a new one.');
    // Rotating the variable retires the key it held before.
    for (const old of await keys.list(DEFAULT_TENANT_ID)) {
      if (old.name === CONFIGURED_KEY_NAME && old.id !== stored.id && !old.revokedAt) await keys.revoke(DEFAULT_TENANT_ID, old.id);
    }
    return { created: null };
  }
  if ((await keys.countActive()) > 0) return { created: null };
  const created = await keys.create({ tenantId: DEFAULT_TENANT_ID, name: 'first admin key', scopes: ['admin'] });
  return { created: created.key };
}
