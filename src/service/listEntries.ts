// A new list's settings and what a list entry is stored as, for the list's kind: keyword entries
// checked for their match kind (trimmed as written), image entries as a lower-case PDQ hash or
// "sha256:" hash. Shared by the API, the review "add to list" step and the `bulwark lists` commands.

import { BulwarkError } from '../errors.js';
import { DEFAULT_MAX_DISTANCE, MAX_DISTANCE_LIMIT, validateImageEntry } from '../images/imageHashList.js';
import { LIST_MATCHES, validateListEntry } from '../lists/index.js';
import type { ListMatch } from '../lists/index.js';

export interface ListSettings { kind: 'keyword' | 'image'; match: ListMatch | 'pdq'; maxDistance: number | null }

/**
 * A new list's kind, match and maxDistance with their defaults (keyword, normalized, 31): an image
 * list matches PDQ hashes by distance and takes no match; a keyword list takes no maxDistance.
 */
export function listSettings(asked: { kind?: string; match?: string; maxDistance?: number }): ListSettings {
  const kind = asked.kind ?? 'keyword';
  if (kind === 'image') {
    if (asked.match !== undefined) throw new BulwarkError('REQUEST_INVALID', 'An image list matches PDQ hashes by distance: give maxDistance, not match.');
    const maxDistance = asked.maxDistance ?? DEFAULT_MAX_DISTANCE;
    if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > MAX_DISTANCE_LIMIT) {
      throw new BulwarkError('REQUEST_INVALID', `maxDistance must be a whole number of bits from 0 to ${MAX_DISTANCE_LIMIT}.`);
    }
    return { kind, match: 'pdq', maxDistance };
  }
  if (kind !== 'keyword') throw new BulwarkError('REQUEST_INVALID', 'kind must be keyword or image.');
  if (asked.maxDistance !== undefined) throw new BulwarkError('REQUEST_INVALID', 'maxDistance is for image lists.');
  const match = asked.match ?? 'normalized';
  if (!(LIST_MATCHES as readonly string[]).includes(match)) throw new BulwarkError('REQUEST_INVALID', `match must be one of ${LIST_MATCHES.join(', ')}.`);
  return { kind, match: match as ListMatch, maxDistance: null };
}

export function storedEntry(list: { kind: string; match: string }, value: string): string {
  return list.kind === 'image' ? validateImageEntry(value) : validateListEntry(list.match as ListMatch, value);
}
