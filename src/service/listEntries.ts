// What a list entry is stored as, for the list's kind: keyword entries checked for their match kind
// (trimmed as written), image entries as a lower-case PDQ hash or "sha256:" hash. Shared by the API,
// the review "add to list" step and `bulwark lists import`.

import { validateImageEntry } from '../images/imageHashList.js';
import { validateListEntry } from '../lists/index.js';
import type { ListMatch } from '../lists/index.js';

export function storedEntry(list: { kind: string; match: string }, value: string): string {
  return list.kind === 'image' ? validateImageEntry(value) : validateListEntry(list.match as ListMatch, value);
}
