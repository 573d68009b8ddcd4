// Adding entries to a list, shared by the lists API and the review "add to list" step:
// entries are validated for the list's match kind before anything is stored.

import { LIST_ENTRY_MAX_CHARS } from '../../content/index.js';
import type { ListRecord } from '../../db/index.js';
import { BulwarkError } from '../../errors.js';
import type { Service } from '../../service/index.js';
import { storedEntry } from '../../service/listEntries.js';

/** The tenant's list, or LIST_NOT_FOUND. */
export async function requireList(service: Service, tenantId: string, listId: string): Promise<ListRecord> {
  const list = await service.stores.lists.get(tenantId, listId);
  if (!list) throw new BulwarkError('LIST_NOT_FOUND');
  return list;
}

/** The values as this list stores them (LIST_ENTRY_INVALID / LIST_PATTERN_INVALID otherwise). */
export function checkEntries(list: ListRecord, values: readonly string[]): string[] {
  return values.map((raw, i) => {
    const value = raw.trim();
    const length = [...value].length;
    if (length === 0 || length > LIST_ENTRY_MAX_CHARS) {
      throw new BulwarkError('LIST_ENTRY_INVALID', `entries[${i}] must be 1–${LIST_ENTRY_MAX_CHARS} characters.`);
    }
    return storedEntry(list, value);
  });
}

export async function addEntries(
  service: Service, tenantId: string, actor: string, list: ListRecord, values: readonly string[],
): Promise<{ added: number; skipped: number }> {
  const cleaned = checkEntries(list, values);
  const result = await service.stores.lists.addEntries(tenantId, list.id, cleaned);
  await service.changed({ tenant: tenantId });
  await service.stores.audit.record({
    tenantId, actor, action: 'list.entries.add', target: list.id, detail: { added: result.added, skipped: result.skipped },
  });
  return result;
}
