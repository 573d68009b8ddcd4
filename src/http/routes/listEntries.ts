// Adding entries to a keyword list, shared by the lists API and the review "add to list" step:
// entries are validated for the list's match kind before anything is stored.

import { LIST_ENTRY_MAX_CHARS } from '../../content/index.js';
import { BulwarkError } from '../../errors.js';
import { validateListEntry } from '../../lists/index.js';
import type { ListMatch } from '../../lists/index.js';
import type { Service } from '../../service/index.js';

export async function addEntries(
  service: Service, tenantId: string, actor: string, listId: string, values: readonly string[],
): Promise<{ added: number; skipped: number }> {
  const list = await service.stores.lists.get(tenantId, listId);
  if (!list) throw new BulwarkError('LIST_NOT_FOUND');
  const cleaned = values.map((raw, i) => {
    const value = raw.trim();
    if (value === '' || value.length > LIST_ENTRY_MAX_CHARS) {
      throw new BulwarkError('LIST_ENTRY_INVALID', `entries[${i}] must be 1–${LIST_ENTRY_MAX_CHARS} characters.`);
    }
    validateListEntry(list.match as ListMatch, value);
    return value;
  });
  const result = await service.stores.lists.addEntries(tenantId, listId, cleaned);
  service.sources.invalidate(tenantId);
  await service.stores.audit.record({
    tenantId, actor, action: 'list.entries.add', target: listId, detail: { added: result.added, skipped: result.skipped },
  });
  return result;
}
