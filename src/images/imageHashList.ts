// A tenant's image list compiled for matching: PDQ entries (64 hex digits) matched by Hamming
// distance, in every rotation and flip of the picture, and exact `sha256:` entries. Entries come
// as industry hash-sharing programmes exchange them: one hex hash a line.

import { BulwarkError } from '../errors.js';
import type { ImageHashes } from './imageHashes.js';
import { PdqIndex } from './pdqIndex.js';

export const DEFAULT_MAX_DISTANCE = 31;
/** Beyond this, unrelated pictures start to match (random hashes differ in ~128 bits, sd 8). */
export const MAX_DISTANCE_LIMIT = 64;

const PDQ = /^(?:pdq:)?([0-9a-f]{64})$/;
const SHA256 = /^sha256:([0-9a-f]{64})$/;

/** The stored form of an image list entry (lower case; PDQ without prefix), or LIST_ENTRY_INVALID. */
export function validateImageEntry(value: string): string {
  const v = value.trim().toLowerCase();
  const pdq = PDQ.exec(v);
  if (pdq) return pdq[1];
  if (SHA256.test(v)) return v;
  throw new BulwarkError('LIST_ENTRY_INVALID',
    `An image list entry is a PDQ hash (64 hex digits) or "sha256:" and 64 hex digits; got ${JSON.stringify(value.slice(0, 80))}.`);
}

export interface ImageListHit {
  entry: string;
  /** Bits that differ (0 for a SHA-256 match). */
  distance: number;
  /** Which turn of the picture matched: 'original', 'rotate90', …; 'exact' for SHA-256. */
  orientation: string;
}

export const ORIENTATIONS = ['original', 'rotate90', 'rotate180', 'rotate270', 'mirror', 'flip', 'transpose', 'antitranspose'] as const;

export interface ImageHashList {
  readonly id: string;
  readonly name: string;
  readonly action: 'block' | 'review' | 'allow';
  readonly category: string;
  readonly maxDistance: number;
  readonly size: number;
  /** The nearest entry within maxDistance (over all orientations), or exact SHA-256 entries. */
  find(hashes: Pick<ImageHashes, 'sha256' | 'dihedral'>): ImageListHit[];
}

export interface ImageListSpec {
  id: string;
  name: string;
  action: 'block' | 'review' | 'allow';
  category: string;
  maxDistance: number;
  entries: readonly string[];
}

export function compileImageList(spec: ImageListSpec): ImageHashList {
  const pdqs: string[] = [];
  const sha256 = new Set<string>();
  for (const entry of spec.entries) {
    const v = validateImageEntry(entry);
    if (v.startsWith('sha256:')) sha256.add(v.slice('sha256:'.length)); else pdqs.push(v);
  }
  const index = new PdqIndex(pdqs);
  return Object.freeze({
    id: spec.id, name: spec.name, action: spec.action, category: spec.category, maxDistance: spec.maxDistance,
    size: spec.entries.length,
    find(hashes: Pick<ImageHashes, 'sha256' | 'dihedral'>): ImageListHit[] {
      if (sha256.has(hashes.sha256)) return [{ entry: `sha256:${hashes.sha256}`, distance: 0, orientation: 'exact' }];
      let best: ImageListHit | null = null;
      // Each further orientation only needs to beat the nearest match so far.
      hashes.dihedral.forEach((hash, k) => {
        const within = best ? best.distance - 1 : spec.maxDistance;
        if (within < 0) return;
        const [nearest] = index.search(hash, within);
        if (nearest) best = { entry: pdqs[nearest.id], distance: nearest.distance, orientation: ORIENTATIONS[k] };
      });
      return best ? [best] : [];
    },
  });
}
