// The first admin key. BULWARK_API_KEY makes that key an admin key of the default tenant;
// with no key at all, the first start creates one and hands it back once to be printed.

import { DEFAULT_TENANT_ID } from '../db/index.js';
import type { Service } from './service.js';

export async function ensureAdminKey(service: Service): Promise<{ created: string | null }> {
  const keys = service.stores.keys;
  if (service.config.apiKey) {
    await keys.storeExisting(DEFAULT_TENANT_ID, service.config.apiKey, 'BULWARK_API_KEY', ['admin']);
    return { created: null };
  }
  if ((await keys.countActive()) > 0) return { created: null };
  const created = await keys.create({ tenantId: DEFAULT_TENANT_ID, name: 'first admin key', scopes: ['admin'] });
  return { created: created.key };
}
