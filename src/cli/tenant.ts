// The tenant a command acts for: --tenant when given (it must exist), else the default tenant.

import { DEFAULT_TENANT_ID } from '../service/index.js';
import type { Service } from '../service/index.js';

export async function tenantOf(service: Service, option: string | undefined): Promise<string> {
  if (option === undefined) return DEFAULT_TENANT_ID;
  if (!(await service.stores.tenants.get(option))) throw new Error(`Unknown tenant "${option}".`);
  return option;
}
