// What the pipeline needs from the outside world, as interfaces: the tenant's policy and its
// compiled custom lists. The database-backed implementations live with the service wiring.

import type { Category } from '../content/index.js';
import type { Span } from '../detectors/index.js';
import type { NormalizedText } from '../normalize/index.js';
import type { ImageHashList } from '../images/imageHashList.js';
import type { PolicyBody } from '../policies/index.js';

export interface ResolvedPolicy { name: string; version: number; body: PolicyBody }

export interface ListHit { text: string; span: Span; entry: string }

/** A custom keyword list compiled for matching. */
export interface CompiledList {
  readonly id: string;
  readonly name: string;
  readonly action: 'block' | 'review' | 'allow';
  readonly category: Category;
  find(normalized: NormalizedText): ListHit[];
}

export interface ModerationSources {
  /** The latest version of the named policy; throws POLICY_NOT_FOUND. */
  policy(tenantId: string, name: string): Promise<ResolvedPolicy>;
  /** Every keyword list of the tenant, compiled. */
  lists(tenantId: string): Promise<readonly CompiledList[]>;
  /** Every image hash list of the tenant, compiled. */
  imageLists(tenantId: string): Promise<readonly ImageHashList[]>;
}
